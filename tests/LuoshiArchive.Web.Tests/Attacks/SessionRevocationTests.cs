using System.Net;
using LuoshiArchive.Core.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LuoshiArchive.Web.Tests.Attacks;

/// <summary>
/// A sign-in cookie copied before a sign-out, a password change, a role change or disabling stops working at once
/// (the account's security stamp is checked on every request); the session that changed its own password goes on.
/// </summary>
public class SessionRevocationTests(LuoshiWebFactory app) : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";

    private async Task<(HttpClient Session, string Cookie)> SignInAsync(string name, string password = Password)
    {
        var session = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await session.GetDocumentAsync("/Account/Login");
        var response = await session.PostAsync("/Account/Login", new FormUrlEncodedContent(
            [new("name", name), new("password", password), new("__RequestVerificationToken", page.AntiforgeryToken())]));
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("luoshi.auth=", StringComparison.Ordinal));
        return (session, cookie.Split(';')[0]);
    }

    /// <summary>What someone holding only the copied cookie gets for the task list.</summary>
    private async Task<HttpStatusCode> WithCopiedCookieAsync(string cookie)
    {
        var thief = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Tasks");
        request.Headers.Add("Cookie", cookie);
        return (await thief.SendAsync(request)).StatusCode;
    }

    private string NewAccount(string name, UserRole role = UserRole.Inspector)
    {
        app.EnsureAdmin();
        app.Service<AccountService>().Create(name, name, Password, role);
        return name;
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_works()
    {
        var (session, cookie) = await SignInAsync(NewAccount("reader1"));
        Assert.Equal(HttpStatusCode.OK, await WithCopiedCookieAsync(cookie));
        await session.PostFormAsync("/Tasks", [], "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(cookie));
    }

    [Fact]
    public async Task A_cookie_copied_before_a_password_change_no_longer_works_while_the_changing_session_goes_on()
    {
        var (session, cookie) = await SignInAsync(NewAccount("reader2"));
        var changed = await session.PostFormAsync("/Account/Password",
            [new("current", Password), new("password", "Xin-Mima-2018!"), new("confirm", "Xin-Mima-2018!")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(cookie));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Tasks")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_copied_before_a_role_change_or_disabling_no_longer_works()
    {
        var accounts = app.Service<AccountService>();
        var (_, before) = await SignInAsync(NewAccount("reader3"));
        accounts.Change("reader3", UserRole.Leader, null, "reader3", Actor.Console());
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(before));

        var (_, again) = await SignInAsync("reader3");
        Assert.Equal(HttpStatusCode.OK, await WithCopiedCookieAsync(again));
        accounts.SetDisabled("reader3", true, Actor.Console());
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(again));
    }
}
