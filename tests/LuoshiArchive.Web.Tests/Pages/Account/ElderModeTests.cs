using System.Net;
using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Web.Tests.Pages.Account;

public class ElderModeTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;

    public ElderModeTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
    }

    [Fact]
    public async Task The_header_toggle_turns_elder_mode_on_for_the_account_and_returns_to_the_same_page()
    {
        var client = _app.NoRedirectClient();
        await client.SignInAsync();
        var page = await client.GetDocumentAsync("/Tasks?year=2018");
        Assert.False(page.DocumentElement.ClassList.Contains("elder"));
        Assert.Equal("false", page.QuerySelector(".elder-toggle button")!.GetAttribute("aria-pressed"));

        var on = await client.PostFormAsync("/Tasks?year=2018", [new("on", "true"), new("returnUrl", "/Tasks?year=2018")], postUrl: "/Account/ElderMode");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("/Tasks?year=2018", on.Headers.Location!.OriginalString);
        Assert.True(_app.Service<AccountService>().Find(LuoshiWebFactory.AdminName)!.ElderMode);
        var elder = await client.GetDocumentAsync("/Tasks?year=2018");
        Assert.True(elder.DocumentElement.ClassList.Contains("elder"));
        Assert.True(elder.Body!.ClassList.Contains("elder"));
        Assert.Equal("true", elder.QuerySelector(".elder-toggle button")!.GetAttribute("aria-pressed"));

        // Never sent off-site, and never without the form's token.
        var offSite = await client.PostFormAsync("/Tasks", [new("on", "false"), new("returnUrl", "https://example.org/")], postUrl: "/Account/ElderMode");
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
        Assert.False(_app.Service<AccountService>().Find(LuoshiWebFactory.AdminName)!.ElderMode);
        var forged = await client.PostAsync("/Account/ElderMode", new FormUrlEncodedContent([new("on", "true")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(_app.Service<AccountService>().Find(LuoshiWebFactory.AdminName)!.ElderMode);
    }
}
