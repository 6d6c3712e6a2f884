using System.Linq.Expressions;
using LiteDB;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Storage.LiteDb;

/// <summary>
/// One LiteDB collection as Core's <see cref="IRecords{T}"/>: LiteDB translates the predicates itself. The collection
/// is opened (its type's mapping built, its indexes ensured) on first use, one collection at a time: LiteDB publishes
/// a type's mapping before it has filled it in, so a query on another thread could meet it half built ("Member … not
/// found on BsonMapper").
/// </summary>
internal sealed class LiteRecords<T>(BsonMapper mapper, object gate, Func<ILiteCollection<T>> open)
    : IRecords<T>, ILazyCollection where T : class
{
    private volatile ILiteCollection<T>? _collection;

    public ILiteCollection<T> Collection => _collection ?? Open();

    void ILazyCollection.Open() => Open();

    private ILiteCollection<T> Open()
    {
        lock (gate)
        {
            if (_collection is { } opened) return opened;
            mapper.Entity<T>(); // the whole mapping of T, built here before any query can ask for it
            return _collection = open(); // not set when opening fails: the next use tries again
        }
    }

    public T? FindById(int id) => Collection.FindById(id);
    public IEnumerable<T> FindAll() => Collection.FindAll();
    public IEnumerable<T> Find(Expression<Func<T, bool>> predicate) => Collection.Find(predicate);
    public T? FindOne(Expression<Func<T, bool>> predicate) => Collection.FindOne(predicate);
    public T? FindLast() =>
        Collection.Query().OrderByDescending(BsonExpression.Create("_id")).Limit(1).FirstOrDefault();
    public void Insert(T record) => Collection.Insert(record);
    public bool Update(T record) => Collection.Update(record);
    public bool Upsert(T record) => Collection.Upsert(record);
    public bool Delete(int id) => Collection.Delete(id);
    public int Count() => Collection.Count();
}

/// <summary>A collection that opens on first use, or when the store asks (a new or upgraded store).</summary>
internal interface ILazyCollection
{
    void Open();
}
