using LuoshiArchive.Core.Dossiers;
using Npgsql;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>
/// The evidence change log: one row per write of an evidence record, in the writer's transaction, stamped with that
/// transaction's id. A follower reads the rows of transactions that have all finished — those below the oldest
/// transaction still running (<c>pg_snapshot_xmin</c>) — and keeps that boundary as its cursor: a row committed late by
/// a long transaction is never skipped, because the boundary does not pass a transaction before it ends.
/// </summary>
internal static class PgChangeLog
{
    public const string Create =
        "create table if not exists evidence_changes (seq bigserial primary key, " +
        "xid xid8 not null default pg_current_xact_id(), evidence_id integer not null)";

    public const string Index = "create index if not exists evidence_changes_xid on evidence_changes (xid)";

    public static void Log(NpgsqlConnection connection, PgTable table, int id)
    {
        if (!table.LogsChanges) return;
        using var insert = new NpgsqlCommand("insert into evidence_changes (evidence_id) values (@id)", connection);
        insert.Parameters.AddWithValue("id", id);
        insert.ExecuteNonQuery();
    }

    /// <summary>The oldest transaction still running: every change below it has finished.</summary>
    public static long Boundary(NpgsqlConnection connection)
    {
        using var boundary = new NpgsqlCommand(
            "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint", connection);
        return (long)boundary.ExecuteScalar()!;
    }

    public static EvidenceChanges Since(NpgsqlConnection connection, long cursor)
    {
        var upTo = Boundary(connection);
        if (upTo <= cursor) return EvidenceChanges.None(cursor);
        using var read = new NpgsqlCommand(
            "select evidence_id from evidence_changes where xid >= @from::text::xid8 and xid < @to::text::xid8 " +
            "group by evidence_id order by min(seq)", connection);
        read.Parameters.AddWithValue("from", cursor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        read.Parameters.AddWithValue("to", upTo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var reader = read.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read()) ids.Add(reader.GetInt32(0));
        return new EvidenceChanges(ids, upTo);
    }
}
