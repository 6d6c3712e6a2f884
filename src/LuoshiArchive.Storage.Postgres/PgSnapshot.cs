using System.Data;
using System.Text;
using System.Text.Json;
using LuoshiArchive.Core;
using Npgsql;
using NpgsqlTypes;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>
/// The database part of a backup: every row of every table as one JSON line <c>{"table":…,"id":…,"doc":…}</c>, read in
/// one repeatable-read transaction (one point in time while others keep writing), and loaded into an empty database.
/// </summary>
public sealed partial class PgStore
{
    public void WriteSnapshot(string file)
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        foreach (var table in _tables)
        {
            using var select = new NpgsqlCommand($"select id, doc::text from {table.Name} order by id", connection);
            using var reader = select.ExecuteReader();
            while (reader.Read())
                writer.WriteLine(
                    $"{{\"table\":\"{table.Name}\",\"id\":{reader.GetInt32(0)},\"doc\":{reader.GetString(1)}}}");
        }
        transaction.Commit();
    }

    /// <summary>Loads a snapshot written by <see cref="WriteSnapshot"/> into this store, while it is empty.</summary>
    public void LoadSnapshot(string file)
    {
        if (!IsEmpty()) throw new DomainRuleException($"数据库 {Description} 不是空的：只能恢复到空数据库，以免覆盖现有数据。");
        var known = _tables.Select(t => t.Name).ToHashSet();
        InTransaction(() =>
        {
            var connection = _ambient.Value!.Connection;
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var row = JsonDocument.Parse(line);
                var table = row.RootElement.GetProperty("table").GetString() ?? "";
                if (!known.Contains(table)) throw new DomainRuleException($"备份中有未知的记录类别：{table}");
                using var insert = new NpgsqlCommand($"insert into {table} (id, doc) values (@id, @doc)", connection);
                insert.Parameters.AddWithValue("id", row.RootElement.GetProperty("id").GetInt32());
                var doc = row.RootElement.GetProperty("doc").GetRawText();
                insert.Parameters.AddWithValue("doc", NpgsqlDbType.Jsonb, doc);
                insert.ExecuteNonQuery();
            }
            PgSequences.CatchUpAll(connection, _tables);
        });
    }

    /// <summary>Whether no table holds a record (a database fit to receive a migration or a restore).</summary>
    public bool IsEmpty() => Read(connection => _tables.All(table =>
    {
        using var any = new NpgsqlCommand($"select exists (select 1 from {table.Name})", connection);
        return !(bool)any.ExecuteScalar()!;
    }));
}
