using System.Net;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Web.Tests.Operations;
using Microsoft.AspNetCore.Hosting;

namespace LuoshiArchive.Web.Tests.Attacks;

/// <summary>
/// The app on real Kestrel behind a (pretend) proxy: requests come from 127.0.0.1 with <c>X-Forwarded-For</c>, as
/// nginx sends them (ForwardedHeaders:Enabled), so each test client can be a different address. The sign-in limit per
/// address is the shipped default.
/// </summary>
public sealed class BehindProxyWebFactory : KestrelWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:Enabled", "true");
        builder.UseSetting("Luoshi:SignInPostsPerMinute", new LuoshiOptions().SignInPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The sign-in attacks of issue 19, repeated: huge typed names that grew the store, guessing from one address without
/// limit, the lockout message that told which names exist, and locking the administrator out at will.
/// </summary>
public class SignInAttackTests(BehindProxyWebFactory app) : IClassFixture<BehindProxyWebFactory>
{
    private sealed record Visitor(HttpClient Client, string Token);

    private async Task<Visitor> FromAsync(string address)
    {
        app.EnsureAdmin();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = app.Start(),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        var page = await client.GetDocumentAsync("/Account/Login");
        return new Visitor(client, page.AntiforgeryToken());
    }

    private static Task<HttpResponseMessage> TryAsync(Visitor visitor, string name, string password) =>
        visitor.Client.PostAsync("/Account/Login", new FormUrlEncodedContent(
            [new("name", name), new("password", password), new("__RequestVerificationToken", visitor.Token)]));

    private static async Task<string> AnswerAsync(HttpResponseMessage response) =>
        BrowserLikeClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".errors")?.TextContent.Trim() ?? "";

    private long StoreBytes() =>
        new DirectoryInfo(app.StoragePath).GetFiles("*.db", SearchOption.TopDirectoryOnly).Sum(f => f.Length);

    [Fact]
    public async Task Ten_sign_ins_with_three_megabyte_names_leave_the_store_about_the_same_size()
    {
        var attacker = await FromAsync("10.0.1.1");
        var before = StoreBytes();
        var huge = new string('x', 3 * 1024 * 1024);
        for (var i = 0; i < 10; i++)
        {
            var response = await TryAsync(attacker, huge + i, "wrong");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 64 * 1024, "the page echoes the huge name");
        }

        Assert.True(StoreBytes() - before < 1024 * 1024, $"store grew by {StoreBytes() - before} bytes");
        var stored = app.Service<LuoshiArchive.Core.Audit.IAuditStore>().Audit.FindAll().Where(e => e.Action.StartsWith("signin.", StringComparison.Ordinal) && e.Who.StartsWith("xxxxxxxx", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, stored.Count);
        Assert.All(stored, e => Assert.True(e.Who.Length <= AccountService.MaxStoredNameLength + 1));
    }

    [Fact]
    public async Task One_address_gets_429_past_the_limit_per_minute_and_another_address_goes_on()
    {
        var attacker = await FromAsync("10.0.2.1");
        var limit = new LuoshiOptions().SignInPostsPerMinute;
        for (var i = 0; i < limit; i++)
            Assert.Equal(HttpStatusCode.OK, (await TryAsync(attacker, "guess", "wrong-" + i)).StatusCode);

        var refused = await TryAsync(attacker, "guess", "wrong");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("登录尝试过于频繁", await refused.Content.ReadAsStringAsync());

        var colleague = await FromAsync("10.0.2.2");
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(colleague, LuoshiWebFactory.AdminName, LuoshiWebFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task An_existing_name_and_an_unknown_name_get_the_same_answers()
    {
        var probeKnown = await FromAsync("10.0.3.1");
        var probeUnknown = await FromAsync("10.0.3.2");
        for (var i = 0; i < 8; i++)
        {
            var known = await TryAsync(probeKnown, LuoshiWebFactory.AdminName, "wrong");
            var unknown = await TryAsync(probeUnknown, "no-such-user", "wrong");
            Assert.Equal(known.StatusCode, unknown.StatusCode);
            Assert.Equal(await AnswerAsync(known), await AnswerAsync(unknown));
            Assert.DoesNotContain("锁定", await AnswerAsync(known));
        }
    }

    [Fact]
    public async Task An_attacker_cannot_lock_the_administrator_out_but_waits_longer_after_each_failure()
    {
        var attacker = await FromAsync("10.0.4.1");
        for (var i = 0; i < 20; i++) await TryAsync(attacker, LuoshiWebFactory.AdminName, "wrong");

        var administrator = await FromAsync("10.0.4.2");
        var signedIn = await TryAsync(administrator, LuoshiWebFactory.AdminName, LuoshiWebFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The attacker's address, even with the right password, must wait; each failure after a wait doubles it.
        var waits = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var answer = await AnswerAsync(await TryAsync(attacker, LuoshiWebFactory.AdminName, LuoshiWebFactory.AdminPassword));
            waits.Add(answer);
            var seconds = int.Parse(System.Text.RegularExpressions.Regex.Match(answer, @"请 (\d+) 秒后再试").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
            app.Clock.Advance(TimeSpan.FromSeconds(seconds));
            await TryAsync(attacker, LuoshiWebFactory.AdminName, "wrong");
        }
        Assert.Equal(["登录尝试过于频繁，请 5 秒后再试。", "登录尝试过于频繁，请 10 秒后再试。", "登录尝试过于频繁，请 20 秒后再试。"], waits);
    }
}
