using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Web.Tests.Pages.Account;

public class FirstRunTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;

    public FirstRunTests(LuoshiWebFactory app) => _app = app;

    [Fact]
    public async Task An_empty_store_asks_for_the_administrator_then_signs_them_in()
    {
        var client = _app.CreateClient();
        var login = await client.GetAsync("/Account/Login");
        Assert.Equal("/Setup", login.RequestMessage!.RequestUri!.AbsolutePath);

        var weak = await client.PostFormAsync("/Setup",
            [new("Name", "admin"), new("DisplayName", "管理员"), new("Password", "1234"), new("Confirm", "1234")]);
        Assert.Contains("密码至少8位", await weak.Content.ReadAsStringAsync());
        Assert.False(_app.Service<AccountService>().AnyAccount());

        var created = await client.PostFormAsync("/Setup",
            [new("Name", "admin"), new("DisplayName", "管理员"), new("Password", "Tianjin-2018"), new("Confirm", "Tianjin-2018")]);
        Assert.Equal("/Tasks", created.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("管理员账户已创建", await created.Content.ReadAsStringAsync());
        var account = _app.Service<AccountService>().Verify("admin", "Tianjin-2018");
        Assert.Equal(UserRole.Admin, account!.Role);
    }
}
