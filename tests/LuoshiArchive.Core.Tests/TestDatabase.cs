using System.Diagnostics;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.LiteDb;
using LuoshiArchive.Storage.Postgres;
using Npgsql;

namespace LuoshiArchive.Core.Tests;

/// <summary>
/// Which engine the storage tests run on. <c>LUOSHI_TEST_ENGINE=postgres</c> (scripts/test.sh runs the Core tests once
/// on each engine) puts every <see cref="TempStorage"/> in a database of its own on a throwaway PostgreSQL: the server
/// named by <c>LUOSHI_TEST_POSTGRES</c>, or one this process starts with scripts/test-postgres.sh and stops at exit.
/// </summary>
public static class TestDatabase
{
    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("LUOSHI_TEST_ENGINE"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<string> Server = new(StartServer);

    /// <summary>Opens the store of a test folder on the chosen engine (on PostgreSQL: its database, made if missing).</summary>
    public static ILuoshiStore Open(string storagePath) =>
        OnPostgres ? PgStore.Open(DatabaseFor(storagePath), storagePath) : LiteDbStore.Open(storagePath, "luoshi-test");

    /// <summary>The CLI options that open the store of a test folder on the chosen engine.</summary>
    public static string[] StorageOptions(string storagePath) =>
        OnPostgres ? ["--storage", storagePath, "--database", DatabaseFor(storagePath)] : ["--storage", storagePath];

    /// <summary>A new empty database on the test server, as a connection string.</summary>
    public static string NewDatabase() => DatabaseFor("new-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Removes a property from every stored task of a closed test store, on the chosen engine: a store written by a
    /// build that did not know the property yet.
    /// </summary>
    public static void RemoveTaskField(string storagePath, string property) => RemoveField(storagePath, "tasks", property);

    /// <summary>
    /// Removes a property from every record of one collection (LiteDB) or table (PostgreSQL) of a closed test store:
    /// records as a build that did not know the property wrote them.
    /// </summary>
    public static void RemoveField(string storagePath, string collection, string property)
    {
        if (OnPostgres)
        {
            using var connection = new NpgsqlConnection(DatabaseFor(storagePath));
            connection.Open();
            using var update = new NpgsqlCommand($"update {collection} set doc = doc - '{property}'", connection);
            update.ExecuteNonQuery();
            return;
        }
        using var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString
        {
            Filename = System.IO.Path.Combine(storagePath, LiteDbStore.DatabaseFileName), Connection = LiteDB.ConnectionType.Direct,
        });
        var records = db.GetCollection(collection);
        foreach (var doc in records.FindAll().ToList())
        {
            doc.Remove(property);
            records.Update(doc);
        }
    }

    /// <summary>Drops the database of a test folder, if one was made.</summary>
    public static void Drop(string storagePath)
    {
        if (!OnPostgres) return;
        using var connection = new NpgsqlConnection(Server.Value);
        connection.Open();
        using var drop = new NpgsqlCommand($"drop database if exists {NameFor(storagePath)} with (force)", connection);
        drop.ExecuteNonQuery();
    }

    private static string DatabaseFor(string key)
    {
        var name = NameFor(key);
        using (var connection = new NpgsqlConnection(Server.Value))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @n", connection);
            exists.Parameters.AddWithValue("n", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"create database {name}", connection);
                create.ExecuteNonQuery();
            }
        }
        // A loaded test machine (several suites on two cores) can keep a command waiting for an advisory lock past
        // Npgsql's 30 s default while 200 allocations queue for it; a real deadlock is still reported by PostgreSQL.
        // Opening a connection may wait too (60 s instead of 15).
        return new NpgsqlConnectionStringBuilder(Server.Value)
        {
            Database = name, CommandTimeout = 180, Timeout = 60,
        }.ConnectionString;
    }

    private static string NameFor(string key) =>
        "t_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(key))))[..24];

    private static string StartServer()
    {
        if (Environment.GetEnvironmentVariable("LUOSHI_TEST_POSTGRES") is { Length: > 0 } given) return given;
        var folder = Path.Combine(Path.GetTempPath(), "luoshi-pg-" + Guid.NewGuid().ToString("N"));
        var script = Path.Combine(RepositoryRoot(), "scripts", "test-postgres.sh");
        var connection = Run(script, "start", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", folder);
        return connection;
    }

    private static string Run(string script, string action, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, action, folder])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"test-postgres.sh {action} failed: {error}");
        return output.Trim();
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LuoshiArchive.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("LuoshiArchive.sln not found above the test folder.");
    }
}
