using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Notifications;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Tests.Notifications;
using Microsoft.AspNetCore.Hosting;

namespace LuoshiArchive.Web.Tests.Pages.Notifications;

/// <summary>The web app with its notification job every second and the relay at a real SMTP server on
/// loopback.</summary>
public sealed class MailingFactory : LuoshiWebFactory
{
    public SmtpSink Sink { get; } = SmtpSink.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Luoshi:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Luoshi:Smtp:Port", Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Luoshi:Smtp:From", "落实档案 <luoshi@example.gov.cn>");
        builder.UseSetting("Luoshi:PublicUrl", "https://luoshi.example.gov.cn");
        builder.UseSetting("Luoshi:NotifyInterval", "00:00:01");
        builder.UseSetting("Luoshi:DigestTime", "13:00:00"); // the test clock stands at noon until the test moves it
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Sink.Dispose();
    }
}

/// <summary>
/// A clerk sets their address on the account page; the running app mails them the day's 催办 digest and a 督办单
/// notice, and both wait in the 站内消息 with the unread count in the header.
/// </summary>
public class NotificationWebTests(MailingFactory app) : IClassFixture<MailingFactory>
{
    private const string Password = "Luoshi-2018!";

    [Fact]
    public async Task A_clerk_gets_the_digest_and_a_supervision_order_by_mail_and_in_the_app()
    {
        app.EnsureAdmin();
        var office = app.Service<OrganisationDirectory>().SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        app.Service<TaskRegistry>().Create(new TaskDraft
        {
            Code = "2018-007", Year = 2018, Name = "建立督办台账", LeadDepartmentId = office.Id,
            Status = KeyTaskStatus.InProgress,
            Milestones = [new Milestone { Due = new DateOnly(2018, 6, 10), Description = "形成初稿" }],
        }, Actor.Console());
        app.Service<AccountService>().Create("clerk", "李四", Password, UserRole.DepartmentUser, office.Id);
        var clerk = app.CreateClient();
        await clerk.SignInAsync("clerk", Password);

        var bad = await clerk.PostFormAsync("/Account", [new("email", "lisi@"), new("dailyDigest", "true")],
            "/Account?handler=Notifications");
        Assert.Contains("格式不正确", await bad.Content.ReadAsStringAsync());
        await clerk.PostFormAsync("/Account", [new("email", "lisi@bgs.example.gov.cn"), new("dailyDigest", "true"),
            new("immediateNotices", "true")], "/Account?handler=Notifications");
        var issued = app.Service<SupervisionService>().Issue(new SupervisionOrderDraft
        {
            TaskCode = "2018-007", What = "报送台账建设进展", Due = new DateOnly(2018, 6, 25),
        }, Actor.Console("督查室"));

        var first = await WaitFor(() => app.Sink.Received(), 1);
        // at once, before the digest time
        Assert.Equal($"【督办单】{issued.Number}：建立督办台账", Assert.Single(first).Message.Subject);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var received = await WaitFor(() => app.Sink.Received(), 2);

        Assert.All(received, r => Assert.Equal("lisi@bgs.example.gov.cn", r.Recipients));
        var subjects = received.Select(r => r.Message.Subject).Order().ToList();
        Assert.Contains("【落实档案】6月15日催办汇总：已逾期 1 项，7天内到期 0 项", subjects);
        Assert.Contains($"【督办单】{issued.Number}：建立督办台账", subjects);
        Assert.All(received, r => Assert.Contains("https://luoshi.example.gov.cn/", r.Message.TextBody));

        var home = await clerk.GetDocumentAsync("/");
        Assert.Equal("2条未读", home.QuerySelector("a.messages-link .unread-count")!.TextContent);
        Assert.Equal("站内消息 2条未读", Words(home.QuerySelector("a.messages-link")!.TextContent));
        var list = await clerk.GetDocumentAsync("/Messages");
        var unread = list.QuerySelectorAll("ul.messages li.unread a").ToList();
        Assert.Equal(2, unread.Count);
        var orderLink = unread.Single(a => a.TextContent.StartsWith("【督办单】")).GetAttribute("href")!;
        var opened = await clerk.GetDocumentAsync(orderLink);
        Assert.Contains("督办事项：报送台账建设进展", opened.QuerySelector("pre.message-text")!.TextContent);
        Assert.Equal("1条未读", opened.QuerySelector("a.messages-link .unread-count")!.TextContent);

        await Task.Delay(TimeSpan.FromSeconds(3)); // three more runs of the job: nothing is sent twice
        Assert.Equal(2, app.Sink.Received().Count);
        Assert.All(app.Service<MailOutbox>().All(), m => Assert.Equal(OutboxState.Sent, m.State));
    }

    [Fact]
    public async Task An_administrator_gives_an_account_an_address_and_a_bad_one_changes_nothing()
    {
        app.EnsureAdmin();
        var admin = app.CreateClient();
        await admin.SignInAsync();

        await admin.PostFormAsync("/Admin/Users", [new("Input.Name", "wangwu"), new("Input.DisplayName", "王五"),
            new("Input.Role", "Inspector"), new("Input.Email", "wangwu@example.gov.cn"),
            new("Input.Password", Password)],
            "/Admin/Users?handler=Create");
        var refused = await admin.PostFormAsync("/Admin/Users?name=wangwu", [new("Input.Name", "wangwu"),
            new("Input.DisplayName", "王五改"), new("Input.Role", "Leader"), new("Input.Email", "not an address")],
            "/Admin/Users?handler=Change");

        Assert.Contains("格式不正确", await refused.Content.ReadAsStringAsync());
        var account = app.Service<AccountService>().Find("wangwu")!;
        Assert.Equal(("wangwu@example.gov.cn", UserRole.Inspector, "王五"),
            (account.Email, account.Role, account.DisplayName));
        Assert.Contains("wangwu@example.gov.cn", (await admin.GetDocumentAsync("/Admin/Users")).Body!.TextContent);
    }

    [Fact]
    public async Task Another_departments_user_cannot_open_or_mark_a_clerks_message()
    {
        var directory = app.Service<OrganisationDirectory>();
        var mine = directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var theirs = directory.SaveDepartment(new Department { Name = "教育督导室", Code = "DDS" });
        var accounts = app.Service<AccountService>();
        var owner = accounts.Create("jjc-zhao", "赵六", Password, UserRole.DepartmentUser, mine.Id);
        accounts.Create("dds-qian", "钱七", Password, UserRole.DepartmentUser, theirs.Id);
        var message = new InAppMessage
        {
            Key = "order:999:user:" + owner.Id, Kind = NoticeKind.SupervisionOrder, UserId = owner.Id,
            Subject = "【督办单】基础教育处的督办单", Text = "只给基础教育处。", Link = "/Supervision", CreatedAt = DateTime.UtcNow,
        };
        Assert.True(app.Service<NotificationStore>().Add(null, message));
        var other = app.CreateClient();
        await other.SignInAsync("dds-qian", Password);

        var opened = await other.GetAsync($"/Messages?id={message.Id}");
        await other.PostFormAsync("/Messages", [], "/Messages?handler=ReadAll");
        var list = await other.GetDocumentAsync("/Messages");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, opened.StatusCode);
        Assert.DoesNotContain("只给基础教育处", await opened.Content.ReadAsStringAsync());
        Assert.DoesNotContain("基础教育处的督办单", list.Body!.TextContent);
        Assert.Null(app.Service<NotificationStore>().Message(message.Id)!.ReadAt);
        Assert.Equal(1, app.Service<InAppMessages>().Unread("jjc-zhao"));
    }

    /// <summary>The text as a person reads it: runs of white space as one space.</summary>
    private static string Words(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<IReadOnlyList<T>> WaitFor<T>(Func<IReadOnlyList<T>> read, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (read().Count < count && DateTime.UtcNow < until) await Task.Delay(200);
        return read();
    }
}
