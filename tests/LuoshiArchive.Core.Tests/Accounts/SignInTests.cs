using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tests.Accounts;

public sealed class SignInTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 1));

    public SignInTests() => _storage.Accounts.Create("office", "办公室", "Tianjin-2018", UserRole.Admin);

    [Fact]
    public void Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        for (var i = 0; i < AccountService.FailuresBeforeLockout - 1; i++)
            Assert.False(_storage.Accounts.SignIn("office", "wrong").LockedOut);
        Assert.True(_storage.Accounts.SignIn("office", "wrong").LockedOut);

        var whileLocked = _storage.Accounts.SignIn("office", "Tianjin-2018");
        Assert.Null(whileLocked.Account);
        Assert.True(whileLocked.LockedOut);

        _storage.Clock.MoveTo(new DateOnly(2018, 3, 2));
        Assert.NotNull(_storage.Accounts.SignIn("office", "Tianjin-2018").Account);
    }

    [Fact]
    public void A_right_password_resets_the_failure_count()
    {
        for (var i = 0; i < AccountService.FailuresBeforeLockout - 1; i++) _storage.Accounts.SignIn("office", "wrong");
        Assert.NotNull(_storage.Accounts.SignIn("office", "Tianjin-2018").Account);
        Assert.False(_storage.Accounts.SignIn("office", "wrong").LockedOut);
    }

    [Fact]
    public void A_password_changes_only_with_the_current_one_and_a_strong_new_one()
    {
        Assert.Throws<DomainRuleException>(() => _storage.Accounts.ChangePassword("office", "wrong", "Nankai-2019"));
        Assert.Throws<DomainRuleException>(() => _storage.Accounts.ChangePassword("office", "Tianjin-2018", "1234"));

        _storage.Accounts.ChangePassword("office", "Tianjin-2018", "Nankai-2019");

        Assert.Null(_storage.Accounts.Verify("office", "Tianjin-2018"));
        Assert.NotNull(_storage.Accounts.Verify("office", "Nankai-2019"));
    }

    public void Dispose() => _storage.Dispose();
}
