using System.Net;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.PublicProgress;

/// <summary>
/// 向社会公布 on the task page: the office marks a task public, words it again and unpublishes it, and the public page
/// follows; a department user's or a leader's hand-made POST is 403, audited, nothing stored; a POST without the
/// form's token is refused; empty wording is an alert; the office keeps the catalogue metadata on /PublicProgress.
/// </summary>
public class PublishPagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _task;

    public PublishPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var basic = directory.DepartmentNamed("基础教育处")
                    ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var tasks = app.Service<TaskRegistry>();
        _task = tasks.Find("2018-001") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "新建改扩建幼儿园30所", Target = "新增学位9000个", LeadDepartmentId = basic.Id,
            Deadline = new DateOnly(2018, 12, 31),
        }, Actor.Console());
        var accounts = app.Service<AccountService>();
        if (accounts.Find("clerk") is null)
            accounts.Create("clerk", "基教处李晓梅", Password, UserRole.DepartmentUser, basic.Id);
        if (accounts.Find("leader") is null) accounts.Create("leader", "委领导赵六", Password, UserRole.Leader);
    }

    private PublicDisclosure Disclosure => _app.Service<PublicDisclosure>();
    private string TaskPage => $"/Tasks/{_task.Code}";
    private string PublishUrl => $"/Tasks/Publish/{_task.Code}";

    private async Task<HttpClient> SignedIn(string name, string password = Password)
    {
        var client = _app.CreateClient();
        await client.SignInAsync(name, password);
        return client;
    }

    private Task<HttpResponseMessage> Publish(HttpClient client, string text) =>
        client.PostFormAsync(TaskPage, [new("progress", text)], PublishUrl);

    [Fact]
    public async Task The_office_publishes_rewords_and_unpublishes_from_the_task_page_and_the_public_page_follows()
    {
        var office = await SignedIn(LuoshiWebFactory.AdminName, LuoshiWebFactory.AdminPassword);
        var anonymous = _app.CreateClient();
        var section = (await office.GetDocumentAsync(TaskPage)).QuerySelector("section.public-progress-section")!;
        Assert.Contains("本任务未向社会公布", section.TextContent);
        Assert.Equal("", section.QuerySelector("textarea[name=progress]")!.TextContent);

        var published = await Publish(office, "已开工建设幼儿园18所。");
        Assert.Contains("已标记为重大事项并向社会公布。", await published.Content.ReadAsStringAsync());
        Assert.Contains("已开工建设幼儿园18所。", await anonymous.GetStringAsync("/public?year=2018"));

        var reworded = await Publish(office, "已开工25所，完工6所。");
        Assert.Contains("公开进展已修改", await reworded.Content.ReadAsStringAsync());
        var page = await anonymous.GetStringAsync("/public?year=2018");
        Assert.Contains("已开工25所，完工6所。", page);
        Assert.DoesNotContain("已开工建设幼儿园18所。", page);

        var off = await office.PostFormAsync(TaskPage, [], $"{PublishUrl}?handler=Unpublish");
        Assert.Contains("已取消向社会公布", await off.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_task.Name, await anonymous.GetStringAsync("/public"));
        Assert.Equal(["disclosure.published", "disclosure.reworded", "disclosure.unpublished"],
            _app.Service<AuditLog>().Find(who: "办公室张三").Where(e => e.Action.StartsWith("disclosure."))
                .OrderBy(e => e.Id).Select(e => e.Action).TakeLast(3));
        var audit = await office.GetStringAsync("/Audit?action=disclosure.");
        Assert.Contains("标记向社会公布", audit);
        Assert.Contains("取消向社会公布", audit);
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("leader")]
    public async Task A_department_user_or_leader_is_refused_with_403_audited_and_nothing_is_stored(string account)
    {
        var client = await SignedIn(account);
        var before = Disclosure.Of(_task.Id)?.Wording;
        Assert.DoesNotContain("向社会公布（重大事项）", await client.GetStringAsync(TaskPage));

        var refused = await Publish(client, "越权公开");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var unpublish = await client.PostFormAsync(TaskPage, [], $"{PublishUrl}?handler=Unpublish");
        Assert.Equal(HttpStatusCode.Forbidden, unpublish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/PublicProgress")).StatusCode);

        Assert.Equal(before, Disclosure.Of(_task.Id)?.Wording);
        var name = account == "clerk" ? "基教处李晓梅" : "委领导赵六";
        Assert.Contains(_app.Service<AuditLog>().Find(who: name, action: "access.denied"),
            e => e.Subject == PublishUrl);
    }

    [Fact]
    public async Task A_post_without_the_forms_token_is_refused_and_empty_wording_is_an_alert_with_nothing_stored()
    {
        var office = await SignedIn(LuoshiWebFactory.AdminName, LuoshiWebFactory.AdminPassword);
        var before = Disclosure.Of(_task.Id)?.Wording;

        var forged = await office.PostAsync(PublishUrl, new FormUrlEncodedContent([new("progress", "伪造的公开")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var empty = await Publish(office, "   ");
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("公开进展不能为空", html);

        Assert.Equal(before, Disclosure.Of(_task.Id)?.Wording);
    }

    [Fact]
    public async Task The_office_keeps_the_catalogue_metadata_and_the_public_page_shows_it_with_every_task()
    {
        var office = await SignedIn(LuoshiWebFactory.AdminName, LuoshiWebFactory.AdminPassword);
        await Publish(office, "公开的进展");

        var wrong = await office.PostFormAsync("/PublicProgress",
            [new("IndexPrefix", "00/12"), new("Theme", "教育"), new("Attribute", "主动公开")]);
        Assert.Contains("索引号前缀只能由字母、数字和“-”组成", await wrong.Content.ReadAsStringAsync());
        var saved = await office.PostFormAsync("/PublicProgress",
            [new("IndexPrefix", "000125225"), new("Theme", @"教育\基础教育"), new("Attribute", "主动公开")]);
        Assert.Contains("公开目录设置已保存", await saved.Content.ReadAsStringAsync());

        var article = (await _app.CreateClient().GetDocumentAsync("/public?year=2018"))
            .QuerySelector($"#task-{_task.Code}")!.TextContent;
        foreach (var shown in new[] { "000125225/2018-", @"教育\基础教育", "主动公开", "未启动", "新增学位9000个",
                     "2018年12月31日", "公开的进展", "2018年6月15日" })
            Assert.Contains(shown, article);
    }
}
