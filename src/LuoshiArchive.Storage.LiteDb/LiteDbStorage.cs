using LuoshiArchive.Core;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Storage.LiteDb;

/// <summary>Wires the embedded engine: the LiteDB file in the storage folder.</summary>
public static class LiteDbStorage
{
    /// <summary>Registers <see cref="LiteDbStore"/> (opened on first use) under every store interface of Core.</summary>
    /// <param name="services">The container.</param>
    /// <param name="options">Resolved options; <see cref="LuoshiOptions.StoragePath"/> must be absolute.</param>
    /// <param name="ownerDescription">Who holds the store, shown to a second process that tries to open it.</param>
    public static IServiceCollection AddLiteDbStore(this IServiceCollection services, LuoshiOptions options, string ownerDescription) =>
        services.AddLuoshiStore(_ => LiteDbStore.Open(options.StoragePath, ownerDescription));
}
