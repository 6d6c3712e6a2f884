using System.Data;
using Npgsql;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>
/// Transactions: the outermost <see cref="InTransaction{T}"/> on a thread opens a connection and a transaction that
/// every record operation on that thread joins until it commits. Outside one, a read uses a pooled connection and a
/// write commits on its own.
/// </summary>
public sealed partial class PgStore
{
    private sealed class Ambient(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        public NpgsqlConnection Connection { get; } = connection;
        public NpgsqlTransaction Transaction { get; } = transaction;
        public int Depth { get; set; } = 1;
        public List<Action> AfterCommit { get; } = [];
    }

    public T InTransaction<T>(Func<T> work)
    {
        if (_ambient.Value is { } joined)
        {
            joined.Depth++;
            try { return work(); }
            finally { joined.Depth--; }
        }
        Ambient ambient;
        T result;
        using (var connection = _source.OpenConnection())
        using (var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted))
        {
            ambient = new Ambient(connection, transaction);
            _ambient.Value = ambient;
            try
            {
                result = work();
                transaction.Commit();
                EvidenceChanged(); // a change made inside the transaction was announced before it was visible
            }
            finally // a transaction disposed without its commit rolls back
            {
                _ambient.Value = null;
            }
        }
        foreach (var action in ambient.AfterCommit) action(); // after the connection went back to the pool
        return result;
    }

    public void AfterCommit(Action action)
    {
        if (_ambient.Value is not { } ambient) action();
        else if (!ambient.AfterCommit.Contains(action)) ambient.AfterCommit.Add(action);
    }

    public void InTransaction(Action work) => InTransaction(() => { work(); return 0; });

    /// <summary>
    /// Waits for, and holds until this transaction ends, a PostgreSQL advisory lock named after
    /// <paramref name="resource"/>: every process sharing the database takes turns. Outside a transaction it does
    /// nothing (there is nothing to hold it for).
    /// </summary>
    public void LockForWrite(string resource)
    {
        if (_ambient.Value is { } ambient) Lock(ambient.Connection, "luoshi:" + resource);
    }

    private static void Lock(NpgsqlConnection connection, string key)
    {
        using var command = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext(@key))", connection);
        command.Parameters.AddWithValue("key", key);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a read on the thread's transaction, or on a pooled connection.</summary>
    internal T Read<T>(Func<NpgsqlConnection, T> read)
    {
        if (_ambient.Value is { } ambient) return read(ambient.Connection);
        using var connection = _source.OpenConnection();
        return read(connection);
    }

    /// <summary>Runs a write on the thread's transaction, or in a transaction of its own that it commits.</summary>
    internal T Write<T>(Func<NpgsqlConnection, T> write) => _ambient.Value is { } ambient
        ? write(ambient.Connection)
        : InTransaction(() => write(_ambient.Value!.Connection));
}
