using System.Linq.Expressions;

namespace LuoshiArchive.Core.Storage;

/// <summary>
/// One kind of record in the store (a collection of the embedded engine, a PostgreSQL table), keyed by an integer <c>Id</c> that the
/// store assigns on <see cref="Insert"/> when it is 0. Engines live in their own projects; Core sees only this.
/// </summary>
/// <typeparam name="T">The record type: a Core domain class with a public settable <c>int Id</c>.</typeparam>
public interface IRecords<T> where T : class
{
    /// <summary>The record with this id, or null.</summary>
    T? FindById(int id);

    /// <summary>Every record, in id order.</summary>
    IEnumerable<T> FindAll();

    /// <summary>
    /// The records matching <paramref name="predicate"/>. Keep predicates to comparisons of stored properties with
    /// values (==, !=, &lt;, &amp;&amp;, ||, == null): engines turn those into indexed queries.
    /// </summary>
    IEnumerable<T> Find(Expression<Func<T, bool>> predicate);

    /// <summary>The first record matching <paramref name="predicate"/>, or null.</summary>
    T? FindOne(Expression<Func<T, bool>> predicate);

    /// <summary>The record with the highest id (the last inserted), or null when there is none.</summary>
    T? FindLast();

    /// <summary>Adds the record; an <c>Id</c> of 0 is replaced by the next free id, which is written back.</summary>
    void Insert(T record);

    /// <summary>Replaces the record with the same id; false when there is none.</summary>
    bool Update(T record);

    /// <summary>Replaces the record with the same id, or adds it; true when it was added.</summary>
    bool Upsert(T record);

    /// <summary>Removes the record with this id; false when there was none.</summary>
    bool Delete(int id);

    /// <summary>How many records there are.</summary>
    int Count();
}
