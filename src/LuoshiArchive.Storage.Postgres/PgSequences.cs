using Npgsql;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>Keeps a table's id sequence ahead of ids written as given (an import, a migration, a fixed id).</summary>
internal static class PgSequences
{
    /// <summary>After a row with id <paramref name="id"/> was written: the next drawn id is above it.</summary>
    public static void CatchUp(NpgsqlConnection connection, PgTable table, int id)
    {
        using var command = new NpgsqlCommand(
            $"select setval('{table.Sequence}', greatest(@id, (select last_value from {table.Sequence})))", connection);
        command.Parameters.AddWithValue("id", id);
        command.ExecuteNonQuery();
    }

    /// <summary>After rows were loaded as they are: every sequence continues after its table's highest id.</summary>
    public static void CatchUpAll(NpgsqlConnection connection, IEnumerable<PgTable> tables)
    {
        foreach (var table in tables)
        {
            using var command = new NpgsqlCommand(
                $"select setval('{table.Sequence}', greatest(1, (select coalesce(max(id), 0) from {table.Name})), " +
                $"(select count(*) > 0 from {table.Name}))", connection);
            command.ExecuteNonQuery();
        }
    }
}
