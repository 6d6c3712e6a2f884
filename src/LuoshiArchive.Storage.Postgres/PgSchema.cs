using LuoshiArchive.Core.Storage;
using Npgsql;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>
/// Creates the tables and indexes a store needs and records the schema version in <c>luoshi_meta</c>; refuses a
/// database a newer build wrote. Processes starting at once take turns (an advisory lock), so each sees a whole schema.
/// </summary>
internal static class PgSchema
{
    /// <summary>
    /// Upgrade steps from version n to n + 1, by n. New tables need no step (every table is created when missing).
    /// 1 → 2: the outbox, 站内消息 and notification runs, and accounts' e-mail and notice choices in their documents.
    /// </summary>
    private static readonly Dictionary<int, string[]> Steps = new() { [1] = [] };

    public static void Apply(PgStore store, string description)
    {
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "select pg_advisory_xact_lock(hashtext('luoshi:schema'))");
        Execute(connection, "create table if not exists luoshi_meta (key text primary key, value text not null)");
        var found = Version(connection);
        if (found > PgStore.SchemaVersion)
            throw new SchemaTooNewException(
                $"数据库 {description} 由较新的版本写入（数据版本 {found}，本程序支持到 {PgStore.SchemaVersion}）。" +
                "请使用新版程序打开；数据未做任何修改。");
        foreach (var table in store.Tables)
            foreach (var statement in table.CreateStatements()) Execute(connection, statement);
        Execute(connection, PgChangeLog.Create);
        Execute(connection, PgChangeLog.Index);
        Execute(connection, PgStore.CreateLeases);
        for (var version = Math.Max(found, 1); version < PgStore.SchemaVersion; version++)
            foreach (var statement in Steps[version]) Execute(connection, statement);
        Execute(connection, "insert into luoshi_meta (key, value) values ('schema_version', @v) " +
            "on conflict (key) do update set value = excluded.value", PgStore.SchemaVersion.ToString());
        transaction.Commit();
    }

    /// <summary>The schema version the database records, 0 when it is new.</summary>
    public static int Version(NpgsqlConnection connection)
    {
        using var read = new NpgsqlCommand("select value from luoshi_meta where key = 'schema_version'", connection);
        return read.ExecuteScalar() is string text ? int.Parse(text) : 0;
    }

    private static void Execute(NpgsqlConnection connection, string sql, string? value = null)
    {
        using var command = new NpgsqlCommand(sql, connection);
        if (value is not null) command.Parameters.AddWithValue("v", value);
        command.ExecuteNonQuery();
    }
}
