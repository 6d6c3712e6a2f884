using System.Net;

namespace LuoshiArchive.Web.Tests.Pages.Account;

public class SignInTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;

    public SignInTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
    }

    [Theory]
    [InlineData("/Tasks")]
    [InlineData("/OneTable")]
    [InlineData("/Admin/Organisation")]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page(string url)
    {
        var response = await _app.NoRedirectClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_chinese_and_signs_nobody_in()
    {
        var client = _app.CreateClient();
        var response = await client.PostFormAsync("/Account/Login",
            [new("name", LuoshiWebFactory.AdminName), new("password", "wrong-password")]);

        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());
        var tasks = await _app.NoRedirectClient().GetAsync("/Tasks");
        Assert.Equal(HttpStatusCode.Redirect, tasks.StatusCode);
    }

    [Fact]
    public async Task The_right_password_opens_the_task_list_and_sign_out_closes_it()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var list = await client.GetDocumentAsync("/Tasks");
        Assert.Contains("任务清单", list.Title);

        var signOut = await client.PostFormAsync("/Tasks", [], postUrl: "/Account/Logout");
        Assert.Equal("/Account/Login", signOut.RequestMessage!.RequestUri!.AbsolutePath);
        var again = await client.GetAsync("/Tasks");
        Assert.Equal("/Account/Login", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();

        var response = await client.PostAsync("/Tasks/Edit",
            new FormUrlEncodedContent([new("Form.Year", "2018"), new("Form.Name", "无令牌任务")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Setup_is_closed_once_an_account_exists()
    {
        var response = await _app.NoRedirectClient().GetAsync("/Setup");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }
}
