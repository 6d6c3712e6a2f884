using Npgsql;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>Leases as rows of <c>luoshi_leases</c>: every process sharing the database sees who holds a job.</summary>
public sealed partial class PgStore
{
    internal const string CreateLeases =
        "create table if not exists luoshi_leases " +
        "(name text primary key, holder text not null, until timestamptz not null)";

    public bool TryTake(string name, string holder, TimeSpan duration) => Read(connection =>
    {
        using var take = new NpgsqlCommand(
            "insert into luoshi_leases (name, holder, until) values (@name, @holder, now() + @duration) " +
            "on conflict (name) do update set holder = excluded.holder, until = excluded.until " +
            "where luoshi_leases.until < now() or luoshi_leases.holder = excluded.holder returning name", connection);
        take.Parameters.AddWithValue("name", name);
        take.Parameters.AddWithValue("holder", holder);
        take.Parameters.AddWithValue("duration", duration);
        return take.ExecuteScalar() is not null;
    });

    public void Release(string name, string holder) => Read(connection =>
    {
        using var release = new NpgsqlCommand(
            "delete from luoshi_leases where name = @name and holder = @holder", connection);
        release.Parameters.AddWithValue("name", name);
        release.Parameters.AddWithValue("holder", holder);
        return release.ExecuteNonQuery();
    });
}
