using LuoshiArchive.Core.Audit;

namespace LuoshiArchive.Core.Tests;

/// <summary>The audit trail of a store a test opened itself, keyed with the store's key file as in the app.</summary>
public static class TestAudit
{
    public static AuditLog For(IAuditStore store, string storagePath, TimeProvider clock) =>
        new(store, clock, AuditKey.ForStore(new LuoshiOptions { StoragePath = storagePath }, store));
}
