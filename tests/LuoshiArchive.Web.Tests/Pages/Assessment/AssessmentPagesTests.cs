using System.Net;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Assessment;

/// <summary>
/// The assessment pages on 2018-06-15: 办公室 finished its task by the deadline (60 + 优秀 40 = 100), 基础教育处's task
/// is 14 days overdue on the 14th (2 weeks: 60 − 4 = 56, unrated, failing); the ranking, the explanation, the rating form
/// and the one-click commendation draft.
/// </summary>
public class AssessmentPagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;

    public AssessmentPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var office = directory.DepartmentNamed("办公室") ?? directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var basic = directory.DepartmentNamed("基础教育处") ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var tasks = app.Service<TaskRegistry>();
        if (tasks.Find("2018-001") is null)
        {
            Create(tasks, "2018-001", "印发年度工作要点", office, new DateOnly(2018, 5, 31), KeyTaskStatus.Completed);
            Create(tasks, "2018-002", "推进学区化办学", basic, new DateOnly(2018, 6, 1), KeyTaskStatus.InProgress);
            app.Service<LuoshiArchive.Core.Assessment.AssessmentRecords>()
                .Rate("2018-001", LuoshiArchive.Core.Assessment.ResultLevel.Excellent, "", new Actor("委领导王建国", UserRole.Leader));
        }
        var accounts = app.Service<AccountService>();
        if (accounts.Find("leader") is null) accounts.Create("leader", "委领导王建国", Password, UserRole.Leader);
        if (accounts.Find("basicclerk") is null) accounts.Create("basicclerk", "基教处卫芳", Password, UserRole.DepartmentUser, basic.Id);
    }

    private void Create(TaskRegistry tasks, string code, string name, Department department, DateOnly deadline, KeyTaskStatus status)
    {
        tasks.Create(new TaskDraft
        {
            Code = code, Year = 2018, Name = name, Target = name, Standard = "按期完成", LeadDepartmentId = department.Id,
            Deadline = deadline, AddedOn = new DateOnly(2018, 1, 1), ListKind = TaskListKind.Comprehensive, Source = TaskSource.Municipal,
        }, Actor.Console("测试"));
        if (status == KeyTaskStatus.Completed)
            LuoshiArchive.Core.Tests.Settled.As(_app.Service<LuoshiArchive.Core.ILuoshiStore>(), code, status);
    }

    private async Task<HttpClient> SignedIn(string name)
    {
        var client = _app.CreateClient();
        await client.SignInAsync(name, name == LuoshiWebFactory.AdminName ? LuoshiWebFactory.AdminPassword : Password);
        return client;
    }

    [Fact]
    public async Task The_ranking_page_shows_department_scores_ranks_and_each_tasks_explanation()
    {
        var client = await SignedIn(LuoshiWebFactory.AdminName);

        var page = await client.GetDocumentAsync("/Assessment?year=2018");

        var rows = page.QuerySelectorAll("table.ranking tbody tr")
            .Select(r => r.QuerySelectorAll("td").Take(3).Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["1", "办公室", "100.00"], rows[0]);
        Assert.Equal(["2", "基础教育处"], rows[1].Take(2)); // 56.00, or 80.00 once the rating test has rated it 合格
        Assert.NotNull(page.QuerySelector("a[href='/Assessment/Task/2018-002']"));
        Assert.NotNull(page.QuerySelector("a[href*='handler=Docx']"));

        var task = await client.GetDocumentAsync("/Assessment/Task/2018-002");
        var lines = task.QuerySelectorAll("ol.explanation li").Select(li => li.TextContent).ToList();
        Assert.Contains("· 2018-06-01 完成时限：截至 2018-06-14 逾期 14 天未完成，每周扣 2.00 分 × 2 周，扣 4.00 +56.00", lines);
    }

    [Fact]
    public async Task One_click_from_the_ranking_starts_a_commendation_draft_of_the_top_performers()
    {
        var client = await SignedIn(LuoshiWebFactory.AdminName);

        var drafted = await client.PostFormAsync("/Assessment?year=2018", [], "/Assessment?year=2018&handler=Commend");

        Assert.StartsWith("/Documents/Edit/", drafted.RequestMessage!.RequestUri!.AbsolutePath);
        var edit = BrowserLikeClient.Parse(await drafted.Content.ReadAsStringAsync());
        Assert.Equal("关于对办公室予以通报表扬的通报", edit.QuerySelector("input[name='Form.Title']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_leader_rates_on_the_task_page_and_a_department_user_is_refused()
    {
        var leader = await SignedIn("leader");
        var rated = await leader.PostFormAsync("/Assessment/Task/2018-002", [new("level", "Pass"), new("note", "基本完成")],
            "/Assessment/Task/2018-002?handler=Rate");
        var page = BrowserLikeClient.Parse(await rated.Content.ReadAsStringAsync());
        Assert.Contains("完成效果：合格（委领导王建国 2018-06-15 评定）+24.00",
            page.QuerySelectorAll("ol.explanation li").Select(li => li.TextContent));

        var clerk = await SignedIn("basicclerk");
        var form = await clerk.GetDocumentAsync("/Assessment/Task/2018-002");
        Assert.Null(form.QuerySelector("form.rating-form"));
        var refused = await clerk.PostAsync("/Assessment/Task/2018-002?handler=Rate", new FormUrlEncodedContent(
            [new("level", "Excellent"), new("__RequestVerificationToken", form.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_scheme_page_shows_the_formulas_and_saves_each_edit_as_a_new_version()
    {
        var client = await SignedIn(LuoshiWebFactory.AdminName);
        var page = await client.GetDocumentAsync("/Assessment/Scheme?year=2018");
        Assert.Contains(page.QuerySelectorAll("ol.formulas li"), li => li.TextContent.Contains("184 ÷ 365"));

        var fields = page.QuerySelectorAll("form.scheme-form input[name], form.scheme-form select[name]")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.LocalName == "select"
                ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")!.GetAttribute("value")!
                : e.GetAttribute("value") ?? ""))
            .Where(f => f.Key is not ("__RequestVerificationToken" or "Input.Note")).ToList();
        fields.Add(new("Input.Note", "年中修订说明"));
        fields.Add(new("__RequestVerificationToken", page.AntiforgeryToken()));
        var saved = await client.PostAsync("/Assessment/Scheme?year=2018", new FormUrlEncodedContent(fields));

        var after = BrowserLikeClient.Parse(await saved.Content.ReadAsStringAsync());
        Assert.Contains("第1版", after.QuerySelector("h1")!.TextContent);
        Assert.Contains(after.QuerySelectorAll("section td"), td => td.TextContent == "年中修订说明");
    }
}
