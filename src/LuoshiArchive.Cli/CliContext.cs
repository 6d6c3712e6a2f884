using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Storage.LiteDb;
using LuoshiArchive.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Cli;

/// <summary>
/// What a command runs with: the output streams, and the Core services over the store chosen by --storage /
/// LUOSHI_STORAGE / ./storage, wired by the same AddLuoshiCore as the web app. The store opens on first use.
/// </summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, TextReader stdin, string? storageOption, TimeProvider? clock,
    string? databaseOption = null, Func<string, string?>? environment = null)
    : IDisposable
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    private ServiceProvider? _services;

    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;
    public TextReader In { get; } = stdin;
    public string StoragePath { get; } = LuoshiOptions.ResolveStoragePath(storageOption, environment);
    public string Database { get; } = LuoshiOptions.ResolveDatabase(databaseOption, environment);

    public T Get<T>() where T : notnull
    {
        if (_services is null)
        {
            var collection = new ServiceCollection();
            var options = CliOptions.From(StoragePath, Database, _environment);
            if (options.OnPostgres) collection.AddLuoshiCore(options).AddPostgresStore(options);
            else collection.AddLuoshiCore(options).AddLiteDbStore(options, "luoshi CLI");
            if (clock is not null) collection.AddSingleton(clock);
            _services = collection.BuildServiceProvider();
        }
        return _services.GetRequiredService<T>();
    }

    public ILuoshiStore Store => Get<ILuoshiStore>();
    public TaskRegistry Tasks => Get<TaskRegistry>();
    public OrganisationDirectory Directory => Get<OrganisationDirectory>();
    public AccountService Accounts => Get<AccountService>();
    public OneTableService OneTable => Get<OneTableService>();

    public void Dispose() => _services?.Dispose();
}
