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

        var refused = BrowserLikeClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("用户名或密码不正确", refused);
        Assert.Contains("请联系本委办公室的系统管理员重置", refused); // whom to ask
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

    [Fact]
    public async Task A_user_changes_their_password_and_the_audit_page_shows_it_with_an_intact_chain()
    {
        var accounts = _app.Service<LuoshiArchive.Core.Accounts.AccountService>();
        if (accounts.Find("changer") is null) accounts.Create("changer", "改密码的人", "Before-2018", LuoshiArchive.Core.Accounts.UserRole.OfficeSupervisor);
        var client = _app.CreateClient();
        await client.SignInAsync("changer", "Before-2018");

        var wrong = await client.PostFormAsync("/Account/Password", [new("current", "nope"), new("password", "After-2019"), new("confirm", "After-2019")]);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync());
        await client.PostFormAsync("/Account/Password", [new("current", "Before-2018"), new("password", "After-2019"), new("confirm", "After-2019")]);

        Assert.NotNull(accounts.Verify("changer", "After-2019"));
        // The audit page names actions in Chinese and filters by a list of them (no codes to type).
        var admin = _app.CreateClient();
        await admin.SignInAsync();
        var all = await admin.GetDocumentAsync("/Audit");
        var option = all.QuerySelectorAll("select[name=action] option").Single(o => o.TextContent.Trim() == "修改密码");
        var audit = await admin.GetDocumentAsync("/Audit?action=" + Uri.EscapeDataString(option.GetAttribute("value")!));
        Assert.Contains("记录链完整", audit.Body!.TextContent);
        var rows = audit.QuerySelectorAll("table.data tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(rows, r => r[2] == "changer" && r[3] == "修改密码");
        Assert.All(rows, r => Assert.Equal("修改密码", r[3]));
        Assert.Equal("修改密码", audit.QuerySelector("select[name=action] option[selected]")!.TextContent.Trim());
        var actions = all.QuerySelectorAll("table.data tbody tr td:nth-child(4)").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.DoesNotMatch("[a-z]", a)); // e.g. 登录失败, not signin.failed
    }
}
