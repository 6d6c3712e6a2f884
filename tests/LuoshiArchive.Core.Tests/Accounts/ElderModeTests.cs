using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tests.Accounts;

public sealed class ElderModeTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 1));

    [Fact]
    public void Elder_mode_is_off_for_a_new_account_and_is_kept_with_the_account_once_turned_on()
    {
        _storage.Accounts.Create("office", "办公室", "Tianjin-2018", UserRole.Admin);
        _storage.Accounts.Create("leader", "王建国", "Tianjin-2018", UserRole.Leader);
        Assert.False(_storage.Accounts.Find("office")!.ElderMode);

        _storage.Accounts.SetElderMode("OFFICE", true);
        Assert.True(_storage.Accounts.Find("office")!.ElderMode);
        Assert.True(_storage.Accounts.SignIn("office", "Tianjin-2018", "10.0.0.1").Account!.ElderMode);
        Assert.False(_storage.Accounts.Find("leader")!.ElderMode);

        _storage.Accounts.SetElderMode("office", false);
        Assert.False(_storage.Accounts.Find("office")!.ElderMode);
        Assert.Throws<DomainRuleException>(() => _storage.Accounts.SetElderMode("nobody", true));
    }

    public void Dispose() => _storage.Dispose();
}
