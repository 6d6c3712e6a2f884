using System.Linq.Expressions;
using LiteDB;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Storage.LiteDb;

/// <summary>One LiteDB collection as Core's <see cref="IRecords{T}"/>: LiteDB translates the predicates itself.</summary>
internal sealed class LiteRecords<T>(ILiteCollection<T> collection) : IRecords<T> where T : class
{
    public ILiteCollection<T> Collection => collection;

    public T? FindById(int id) => collection.FindById(id);
    public IEnumerable<T> FindAll() => collection.FindAll();
    public IEnumerable<T> Find(Expression<Func<T, bool>> predicate) => collection.Find(predicate);
    public T? FindOne(Expression<Func<T, bool>> predicate) => collection.FindOne(predicate);
    public T? FindLast() => collection.Query().OrderByDescending(BsonExpression.Create("_id")).Limit(1).FirstOrDefault();
    public void Insert(T record) => collection.Insert(record);
    public bool Update(T record) => collection.Update(record);
    public bool Upsert(T record) => collection.Upsert(record);
    public bool Delete(int id) => collection.Delete(id);
    public int Count() => collection.Count();
}
