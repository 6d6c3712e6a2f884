using LuoshiArchive.Cli;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Cli;

public sealed class TokensCliTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 6, 15));

    private async Task<(int Exit, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_storage)], stdout, stderr, new StringReader(stdin), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Tokens_add_prints_a_secret_once_that_authenticates_as_the_user_until_its_last_day()
    {
        await Run("Luoshi-2018!\n", "users", "add", "--name", "oa", "--role", "inspector");

        var (exit, stdout, stderr) = await Run("", "tokens", "add", "--user", "oa", "--expires", "2018-12-31");

        Assert.Equal(0, exit);
        var secret = stdout.Trim();
        Assert.StartsWith(ApiTokens.SecretPrefix, secret);
        Assert.Contains("有效期至 2018-12-31", stderr);
        using var store = TestDatabase.Open(_storage);
        var audit = TestAudit.For(store, _storage, _clock);
        var accounts = new AccountService(store, _clock, audit);
        var tokens = new ApiTokens(new ApiTokenStore(store), accounts, _clock, audit);
        Assert.Equal("oa", tokens.Authenticate(secret)?.Account.Name);
        var kept = Assert.Single(tokens.Of("oa"));
        Assert.Equal(ApiTokens.HashOf(secret), kept.Hash);
        Assert.NotEqual(secret, kept.Hash);
        _clock.MoveTo(new DateOnly(2019, 1, 1));
        Assert.Null(tokens.Authenticate(secret));
    }

    [Fact]
    public async Task Tokens_add_names_what_is_wrong_and_makes_no_token()
    {
        var unknown = await Run("", "tokens", "add", "--user", "nobody");
        var badDate = await Run("", "tokens", "add", "--user", "nobody", "--expires", "2018/12/31");

        Assert.Equal((1, "账户“nobody”不存在。"), (unknown.Exit, unknown.Err.Trim()));
        Assert.Equal(2, badDate.Exit);
        Assert.Contains("--expires 应写成 YYYY-MM-DD", badDate.Err);
        Assert.Equal("", unknown.Out + badDate.Out);
    }

    public void Dispose()
    {
        try { Directory.Delete(_storage, recursive: true); } catch (IOException) { }
    }
}
