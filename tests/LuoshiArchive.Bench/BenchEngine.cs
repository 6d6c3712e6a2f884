using LuoshiArchive.Core;
using LuoshiArchive.Storage.LiteDb;
using LuoshiArchive.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LuoshiArchive.Bench;

/// <summary>
/// A store engine a bench run measures: the embedded LiteDB always, PostgreSQL as well when <c>--database</c> names
/// a server (a connection string whose user may create databases). Each use on PostgreSQL gets a new empty database,
/// dropped when the run ends, so the engines start from the same empty store.
/// </summary>
public sealed class BenchEngine : IDisposable
{
    private readonly string? _server;
    private readonly List<string> _databases = [];

    private BenchEngine(string name, string? server)
    {
        Name = name;
        _server = server;
    }

    public string Name { get; }

    /// <summary>LiteDB, then PostgreSQL on <paramref name="server"/> when one is given.</summary>
    public static List<BenchEngine> For(string? server) =>
        server is { Length: > 0 } ? [new("LiteDB", null), new("PostgreSQL", server)] : [new("LiteDB", null)];

    /// <summary>Options of a new store in <paramref name="storagePath"/> (on PostgreSQL: a new database).</summary>
    public LuoshiOptions NewStore(string storagePath) =>
        new() { StoragePath = storagePath, Database = _server is null ? "" : NewDatabase() };

    /// <summary>The domain services on the store of <paramref name="options"/>.</summary>
    public ServiceProvider Services(LuoshiOptions options)
    {
        var services = new ServiceCollection();
        if (options.OnPostgres) services.AddLuoshiCore(options).AddPostgresStore(options);
        else services.AddLuoshiCore(options).AddLiteDbStore(options, "bench");
        return services.BuildServiceProvider();
    }

    private string NewDatabase()
    {
        var name = "luoshi_bench_" + Guid.NewGuid().ToString("N")[..12];
        Execute($"create database {name}");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _databases) Execute($"drop database if exists {name} with (force)");
        _databases.Clear();
    }
}
