using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using LuoshiArchive.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>
/// One kind of record as a PostgreSQL table <c>(id integer primary key, doc jsonb)</c>: the record is its document,
/// its id the key. Simple predicates become SQL on the document (<see cref="PgWhere"/>), the rest is filtered here.
/// </summary>
internal sealed class PgRecords<T>(PgStore store, PgTable table) : IRecords<T> where T : class
{
    private static readonly PropertyInfo IdProperty = typeof(T).GetProperty("Id")
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id property.");

    public PgTable Table => table;

    public T? FindById(int id) => Select("where id = @id", [("id", id)]).FirstOrDefault();

    public IEnumerable<T> FindAll() => Select("", []);

    public IEnumerable<T> Find(Expression<Func<T, bool>> predicate)
    {
        var translated = PgWhere.TryTranslate(predicate, out var sql, out var parameters, out var exact);
        if (translated && exact) return Select("where " + sql, parameters);
        var test = predicate.Compile();
        return (translated ? Select("where " + sql, parameters) : Select("", [])).Where(test).ToList();
    }

    public T? FindOne(Expression<Func<T, bool>> predicate) => Find(predicate).FirstOrDefault();

    public T? FindLast() => Select("", [], "order by id desc limit 1").FirstOrDefault();

    public void Insert(T record) => store.Write(connection =>
    {
        var id = (int)IdProperty.GetValue(record)!;
        var given = id != 0;
        if (!given)
        {
            using var next = new NpgsqlCommand(table.Gapless
                    ? $"select coalesce(max(id), 0) + 1 from {table.Name}"
                    : $"select nextval('{table.Sequence}')",
                connection);
            id = Convert.ToInt32(next.ExecuteScalar());
            IdProperty.SetValue(record, id);
        }
        using var insert = Command(connection, $"insert into {table.Name} (id, doc) values (@id, @doc)", id, record);
        insert.ExecuteNonQuery();
        if (given) PgSequences.CatchUp(connection, table, id);
        PgChangeLog.Log(connection, table, id);
        return 0;
    });

    public bool Update(T record) => store.Write(connection =>
    {
        using var update = Command(connection,
            $"update {table.Name} set doc = @doc where id = @id", IdOf(record), record);
        var updated = update.ExecuteNonQuery() > 0;
        if (updated) PgChangeLog.Log(connection, table, IdOf(record));
        return updated;
    });

    public bool Upsert(T record)
    {
        if (IdOf(record) == 0)
        {
            Insert(record);
            return true;
        }
        return store.Write(connection =>
        {
            using var upsert = Command(connection,
                $"insert into {table.Name} (id, doc) values (@id, @doc) " +
                "on conflict (id) do update set doc = excluded.doc " +
                "returning (xmax = 0)", IdOf(record), record);
            var added = (bool)upsert.ExecuteScalar()!;
            if (added) PgSequences.CatchUp(connection, table, IdOf(record));
            PgChangeLog.Log(connection, table, IdOf(record));
            return added;
        });
    }

    public bool Delete(int id) => store.Write(connection =>
    {
        using var delete = new NpgsqlCommand($"delete from {table.Name} where id = @id", connection);
        delete.Parameters.AddWithValue("id", id);
        var deleted = delete.ExecuteNonQuery() > 0;
        if (deleted) PgChangeLog.Log(connection, table, id);
        return deleted;
    });

    public int Count() => store.Read(connection =>
    {
        using var count = new NpgsqlCommand($"select count(*) from {table.Name}", connection);
        return Convert.ToInt32(count.ExecuteScalar());
    });

    /// <summary>The records chosen by a condition on <c>doc</c> (<paramref name="where"/>: "where …" or "").</summary>
    public IReadOnlyList<T> Select(string where, IEnumerable<(string Name, object Value)> parameters,
        string order = "order by id") =>
        store.Read(connection =>
        {
            using var query = new NpgsqlCommand($"select id, doc from {table.Name} {where} {order}", connection);
            foreach (var (name, value) in parameters) query.Parameters.AddWithValue(name, value);
            using var reader = query.ExecuteReader();
            var found = new List<T>();
            while (reader.Read()) found.Add(Read(reader.GetInt32(0), reader.GetString(1)));
            return found;
        });

    private static T Read(int id, string json)
    {
        var record = JsonSerializer.Deserialize<T>(json, PgJson.Options)!;
        IdProperty.SetValue(record, id);
        return record;
    }

    private static int IdOf(T record) => (int)IdProperty.GetValue(record)!;

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, int id, T record)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("doc", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(record, PgJson.Options));
        return command;
    }
}
