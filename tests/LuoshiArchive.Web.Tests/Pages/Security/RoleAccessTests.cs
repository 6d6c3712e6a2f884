using System.Net;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Security;

/// <summary>
/// Role × page over HTTP: what each role is refused (403 with a Chinese reason, audited) and what it can still do;
/// a department user's POST against another department's task changes nothing.
/// </summary>
public class RoleAccessTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _ownTask;
    private readonly KeyTask _otherTask;

    public RoleAccessTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var office = directory.DepartmentNamed("办公室") ?? directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var basic = directory.DepartmentNamed("基础教育处") ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var tasks = app.Service<TaskRegistry>();
        _ownTask = tasks.Find("2018-001") ?? tasks.Create(new TaskDraft { Year = 2018, Name = "办公室的任务", LeadDepartmentId = office.Id,
            Milestones = [new Milestone { Due = new DateOnly(2018, 9, 1), Description = "完成方案" }] }, Actor.Console());
        _otherTask = tasks.Find("2018-002") ?? tasks.Create(new TaskDraft { Year = 2018, Name = "基础教育处的任务", LeadDepartmentId = basic.Id,
            Milestones = [new Milestone { Due = new DateOnly(2018, 9, 1), Description = "完成调研" }] }, Actor.Console());
        var accounts = app.Service<AccountService>();
        if (accounts.Find("clerk") is null) accounts.Create("clerk", "办公室李四", Password, UserRole.DepartmentUser, office.Id);
        if (accounts.Find("inspector") is null) accounts.Create("inspector", "督查组王五", Password, UserRole.Inspector);
        if (accounts.Find("leader") is null) accounts.Create("leader", "委领导赵六", Password, UserRole.Leader);
    }

    private async Task<HttpClient> SignedIn(string name)
    {
        var client = _app.CreateClient();
        await client.SignInAsync(name, Password);
        return client;
    }

    [Theory]
    [InlineData("inspector", "/Archive")]
    [InlineData("inspector", "/Audit")]
    [InlineData("inspector", "/Admin/Organisation")]
    [InlineData("inspector", "/Admin/Users")]
    [InlineData("inspector", "/Meetings/Edit")]
    [InlineData("inspector", "/OneTable/Import")]
    [InlineData("inspector", "/Tasks/Edit")]
    [InlineData("clerk", "/Tasks/Edit/2018-002")]
    [InlineData("clerk", "/Tasks/Adjust/2018-001")]
    [InlineData("clerk", "/Admin/Users")]
    [InlineData("leader", "/Admin/Users")]
    [InlineData("leader", "/Meetings/Edit")]
    public async Task Pages_beyond_a_role_answer_403_with_a_chinese_reason(string account, string url)
    {
        var client = await SignedIn(account);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("inspector", "/Tasks/2018-002")]
    [InlineData("inspector", "/Search?q=任务")]
    [InlineData("clerk", "/Tasks/Edit/2018-001")]
    [InlineData("clerk", "/Tasks/2018-002")]
    [InlineData("leader", "/Tasks/Adjust/2018-002")]
    [InlineData("leader", "/Audit")]
    public async Task Pages_within_a_role_open(string account, string url)
    {
        var client = await SignedIn(account);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_department_users_post_against_another_departments_task_is_refused_audited_and_changes_nothing()
    {
        var client = await SignedIn("clerk");
        var page = await client.GetDocumentAsync($"/Tasks/{_otherTask.Code}");
        Assert.Null(page.QuerySelector("form.dossier-upload"));
        Assert.DoesNotContain(page.QuerySelectorAll("button, a"), b => b.TextContent.Contains("标记完成"));

        // A hand-made POST (the form is not shown) with a valid token from the page.
        var response = await client.PostAsync($"/Tasks/{_otherTask.Code}?handler=Milestone", new FormUrlEncodedContent(
        [
            new("milestone", _otherTask.Milestones[0].Id.ToString()), new("done", "true"),
            new("__RequestVerificationToken", page.AntiforgeryToken()),
        ]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("不属于本处室", await response.Content.ReadAsStringAsync());
        Assert.False(_app.Service<TaskRegistry>().Find(_otherTask.Code)!.Milestones[0].Done);
        Assert.Contains(_app.Service<AuditLog>().Find(who: "办公室李四", action: "access.denied"), e => e.Subject == $"任务 {_otherTask.Code}");

        // The same user's own task works.
        var own = await client.GetDocumentAsync($"/Tasks/{_ownTask.Code}");
        Assert.NotNull(own.QuerySelector("form.dossier-upload"));
    }

    [Fact]
    public async Task The_navigation_shows_each_role_only_what_it_may_open()
    {
        var inspector = await (await SignedIn("inspector")).GetDocumentAsync("/Tasks");
        var links = inspector.QuerySelectorAll("nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("检索", links);
        Assert.DoesNotContain("归档", links);
        Assert.DoesNotContain("账号", links);
        Assert.DoesNotContain("审计", links);
        var admin = await (await SignedIn(LuoshiWebFactory.AdminName)).GetDocumentAsync("/Tasks");
        Assert.Contains("账号", admin.QuerySelectorAll("nav a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task An_administrator_creates_a_department_user_who_then_signs_in_and_a_disabled_one_is_signed_out()
    {
        var admin = await SignedIn(LuoshiWebFactory.AdminName);
        var office = _app.Service<OrganisationDirectory>().DepartmentNamed("办公室")!;
        var created = await admin.PostFormAsync("/Admin/Users",
        [
            new("Input.Name", "newclerk"), new("Input.DisplayName", "新来的"), new("Input.Role", "DepartmentUser"),
            new("Input.DepartmentId", office.Id.ToString()), new("Input.Password", "Clerk-2018!"),
        ], "/Admin/Users?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("新来的", await created.Content.ReadAsStringAsync());

        var clerk = _app.CreateClient();
        await clerk.SignInAsync("newclerk", "Clerk-2018!");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/Tasks")).StatusCode);

        await admin.PostFormAsync("/Admin/Users", [new("name", "newclerk"), new("disabled", "true")], "/Admin/Users?handler=Disable");
        var after = await clerk.GetAsync("/Tasks");
        Assert.EndsWith("/Account/Login", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Evidence_removed_with_a_reason_disappears_and_an_administrator_restores_it()
    {
        var dossiers = _app.Service<DossierService>();
        var added = await dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("办公室工作简报第十二期")), "简报.txt", [_ownTask.Code], null, Actor.Console());
        var clerk = await SignedIn("clerk");
        var removed = await clerk.PostFormAsync($"/Evidence/{added.Evidence.Id}", [new("reason", "上传错了")], $"/Evidence/{added.Evidence.Id}?handler=Remove");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("可由办公室管理员恢复", await removed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/Evidence/{added.Evidence.Id}")).StatusCode);
        Assert.DoesNotContain("简报", (await clerk.GetDocumentAsync($"/Tasks/{_ownTask.Code}")).QuerySelector("#h-dossier")!.ParentElement!.TextContent);

        var admin = await SignedIn(LuoshiWebFactory.AdminName);
        var task = await admin.GetDocumentAsync($"/Tasks/{_ownTask.Code}");
        Assert.Contains("上传错了", task.QuerySelector(".removed-evidence")!.TextContent);
        var restored = await admin.PostFormAsync($"/Evidence/{added.Evidence.Id}", [], $"/Evidence/{added.Evidence.Id}?handler=Restore");
        Assert.Contains("材料已恢复", await restored.Content.ReadAsStringAsync());
        Assert.False(dossiers.Find(added.Evidence.Id)!.IsRemoved);
    }

    [Fact]
    public async Task Evidence_is_filed_into_a_further_task_picked_from_a_list_and_never_into_another_departments()
    {
        var dossiers = _app.Service<DossierService>();
        var added = await dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("关于课后服务的会议纪要（第二次）")),
            "纪要二.txt", [_ownTask.Code], null, Actor.Console());
        var url = $"/Evidence/{added.Evidence.Id}";

        // A clerk of 办公室 is offered no task of 基础教育处, and a hand-made post for one changes nothing.
        var clerk = await SignedIn("clerk");
        var offered = (await clerk.GetDocumentAsync(url)).QuerySelectorAll("form.file-into option")
            .Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain(_otherTask.Code, offered);
        var refused = await clerk.PostFormAsync(url, [new("task", _otherTask.Code)], url + "?handler=FileInto");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(dossiers.Find(added.Evidence.Id)!.IsFiledIn(_otherTask.Id));

        // The office picks the further task from the list (not the one the file is in already) and files it there.
        var admin = await SignedIn(LuoshiWebFactory.AdminName);
        var options = (await admin.GetDocumentAsync(url)).QuerySelectorAll("form.file-into select[name=task] option")
            .Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(_otherTask.Code, options);
        Assert.DoesNotContain(_ownTask.Code, options);
        var none = BrowserLikeClient.Parse(await (await admin.PostFormAsync(url, [new("task", "")], url + "?handler=FileInto"))
            .Content.ReadAsStringAsync());
        Assert.Contains("请选择要归入的任务", none.QuerySelector("[role=alert]")!.TextContent);
        var filed = await admin.PostFormAsync(url, [new("task", _otherTask.Code)], url + "?handler=FileInto");

        Assert.Contains($"材料已另归入任务 {_otherTask.Code}", await filed.Content.ReadAsStringAsync());
        Assert.True(dossiers.Find(added.Evidence.Id)!.IsFiledIn(_otherTask.Id));
        Assert.Contains("纪要二", (await admin.GetDocumentAsync($"/Tasks/{_otherTask.Code}"))
            .QuerySelector("#h-dossier")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task An_inspector_reads_issued_documents_but_not_drafts()
    {
        var documents = _app.Service<OfficialDocumentService>();
        var draft = documents.StartFromTemplate(DocumentGenre.Notice, [], new Actor("办公室张三", UserRole.Admin));
        var title = OfficialDocumentService.Spec(draft).Title;
        var inspector = await SignedIn("inspector");

        foreach (var url in new[] { $"/Documents/{draft.Id}", $"/Documents/Preview/{draft.Id}",
                     $"/Documents/{draft.Id}?handler=Docx" })
            Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(title, await inspector.GetStringAsync("/Documents"));
        var office = await SignedIn(LuoshiWebFactory.AdminName);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/Documents/{draft.Id}")).StatusCode);
        Assert.Contains(title, await office.GetStringAsync("/Documents"));
    }

    [Fact]
    public async Task A_genre_no_list_offers_is_refused_and_no_draft_is_stored()
    {
        var office = await SignedIn(LuoshiWebFactory.AdminName);
        var before = _app.Service<OfficialDocumentService>().List().Count;

        var response = await office.PostFormAsync("/Documents", [new("genre", "999")], "/Documents?handler=Start");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("文种无效", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, _app.Service<OfficialDocumentService>().List().Count);
    }
}
