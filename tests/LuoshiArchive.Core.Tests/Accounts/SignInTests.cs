using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tests.Accounts;

public sealed class SignInTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 1));

    public SignInTests() => _storage.Accounts.Create("office", "办公室", "Tianjin-2018", UserRole.Admin);

    private const string Attacker = "10.0.0.66";

    [Fact]
    public void Wrong_passwords_make_the_address_wait_longer_each_time_but_never_lock_the_account()
    {
        for (var i = 1; i < SignInThrottle.FreeFailures; i++)
            Assert.Null(_storage.Accounts.SignIn("office", "wrong", Attacker).RetryAfter);
        Assert.Null(_storage.Accounts.SignIn("office", "wrong", Attacker).RetryAfter);

        var waited = TimeSpan.Zero;
        foreach (var expected in new[] { 5, 10, 20, 40 })
        {
            var refused = _storage.Accounts.SignIn("office", "Tianjin-2018", Attacker);
            Assert.Null(refused.Account);
            Assert.Equal(TimeSpan.FromSeconds(expected), refused.RetryAfter);
            _storage.Clock.Advance(TimeSpan.FromSeconds(expected));
            waited += TimeSpan.FromSeconds(expected);
            Assert.Null(_storage.Accounts.SignIn("office", "wrong", Attacker).Account);
        }
        Assert.Equal(TimeSpan.FromSeconds(75), waited);
        Assert.Equal(SignInThrottle.LongestWait, SignInThrottle.WaitAfter(30));

        Assert.NotNull(_storage.Accounts.SignIn("office", "Tianjin-2018", "10.0.0.1").Account);
    }

    [Fact]
    public void An_unknown_name_gets_the_same_answers_as_an_existing_one()
    {
        for (var i = 0; i < 8; i++)
        {
            var known = _storage.Accounts.SignIn("office", "wrong", Attacker);
            var unknown = _storage.Accounts.SignIn("nobody", "wrong", Attacker);
            Assert.Null(known.Account);
            Assert.Equal(known, unknown);
        }
    }

    [Fact]
    public void A_right_password_clears_the_count_and_a_password_reset_lifts_the_wait()
    {
        for (var i = 1; i < SignInThrottle.FreeFailures; i++) _storage.Accounts.SignIn("office", "wrong", Attacker);
        Assert.NotNull(_storage.Accounts.SignIn("office", "Tianjin-2018", Attacker).Account);
        for (var i = 1; i < SignInThrottle.FreeFailures; i++) Assert.Null(_storage.Accounts.SignIn("office", "wrong", Attacker).RetryAfter);

        _storage.Accounts.SignIn("office", "wrong", Attacker);
        Assert.NotNull(_storage.Accounts.SignIn("office", "Tianjin-2018", Attacker).RetryAfter);
        _storage.Accounts.ResetPassword("office", "Nankai-2019!", Actor.Console());
        Assert.NotNull(_storage.Accounts.SignIn("office", "Nankai-2019!", Attacker).Account);
    }

    [Fact]
    public void A_huge_typed_name_is_stored_cut_to_the_longest_account_name()
    {
        var huge = new string('x', 3 * 1024 * 1024);
        _storage.Accounts.SignIn(huge, "wrong", Attacker);

        var entry = _storage.Store.Audit.FindAll().Single(e => e.Action == "signin.failed");
        Assert.Equal(AccountService.MaxStoredNameLength + 1, entry.Who.Length);
        Assert.True(entry.Details.Length < 200);
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
