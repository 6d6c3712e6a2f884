using System.Linq.Expressions;
using LiteDB;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Storage.LiteDb;

/// <summary>
/// One LiteDB collection as Core's <see cref="IRecords{T}"/>: LiteDB translates the predicates itself. The collection is
/// opened (its type's mapping built, its indexes ensured) on first use.
/// </summary>
internal sealed class LiteRecords<T>(Func<ILiteCollection<T>> open) : IRecords<T>, ILazyCollection where T : class
{
    // PublicationOnly: a failure (a lock timeout while ensuring an index) is not remembered; the next use tries again.
    private readonly Lazy<ILiteCollection<T>> _collection = new(open, LazyThreadSafetyMode.PublicationOnly);

    public ILiteCollection<T> Collection => _collection.Value;

    public void Open() => _ = _collection.Value;

    public T? FindById(int id) => Collection.FindById(id);
    public IEnumerable<T> FindAll() => Collection.FindAll();
    public IEnumerable<T> Find(Expression<Func<T, bool>> predicate) => Collection.Find(predicate);
    public T? FindOne(Expression<Func<T, bool>> predicate) => Collection.FindOne(predicate);
    public T? FindLast() => Collection.Query().OrderByDescending(BsonExpression.Create("_id")).Limit(1).FirstOrDefault();
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
