using LuoshiArchive.Core;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>Wires the shared engine: the records in PostgreSQL (<see cref="LuoshiOptions.Database"/>).</summary>
public static class PostgresStorage
{
    /// <summary>Registers <see cref="PgStore"/> (opened on first use) under every store interface of Core.</summary>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, LuoshiOptions options) =>
        services.AddLuoshiStore(_ => PgStore.Open(options.Database, options.StoragePath));
}
