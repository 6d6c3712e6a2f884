using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests;

/// <summary>A real LiteDB store in a throwaway folder, with the services wired to a clock the test controls.</summary>
public sealed class TempStorage : IDisposable
{
    public TempStorage(DateOnly today)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "luoshi-test-" + Guid.NewGuid().ToString("N"));
        Clock = new TestClock(today);
        Store = LuoshiStore.Open(Path, "luoshi-test");
        Directory = new OrganisationDirectory(Store);
        Tasks = new TaskRegistry(Store, Directory, Clock);
        Accounts = new AccountService(Store, Clock);
    }

    public string Path { get; }
    public TestClock Clock { get; }
    public LuoshiStore Store { get; private set; }
    public OrganisationDirectory Directory { get; private set; }
    public TaskRegistry Tasks { get; private set; }
    public AccountService Accounts { get; private set; }

    /// <summary>Closes and reopens the store, as a restart of the app would.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = LuoshiStore.Open(Path, "luoshi-test");
        Directory = new OrganisationDirectory(Store);
        Tasks = new TaskRegistry(Store, Directory, Clock);
        Accounts = new AccountService(Store, Clock);
    }

    public void Dispose()
    {
        Store.Dispose();
        try { System.IO.Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
