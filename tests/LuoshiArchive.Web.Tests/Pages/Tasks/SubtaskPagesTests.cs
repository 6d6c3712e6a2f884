using System.Net;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Tasks;

/// <summary>
/// 细化分解 over HTTP: a department adds a child under its own task from the task page; a hand-made POST under another
/// department's task answers 403 with the reason and is audited; the parent lists its children with their lights, the
/// child shows the way up; the one-table view switches between the tree and the leaves in its URL.
/// </summary>
public class SubtaskPagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _own;
    private readonly KeyTask _foreign;
    private readonly Department _basic;

    public SubtaskPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        _basic = directory.DepartmentNamed("基础教育处") ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var higher = directory.DepartmentNamed("高等教育处") ?? directory.SaveDepartment(new Department { Name = "高等教育处", Code = "GJC" });
        var tasks = app.Service<TaskRegistry>();
        _own = tasks.Find("2018-001") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "推进义务教育优质均衡发展", LeadDepartmentId = _basic.Id, Target = "均衡", Standard = "验收",
            Deadline = new DateOnly(2099, 12, 31), Status = KeyTaskStatus.InProgress,
        }, Actor.Console());
        _foreign = tasks.Find("2018-002") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "推进高校“双一流”建设", LeadDepartmentId = higher.Id, Deadline = new DateOnly(2099, 12, 31),
        }, Actor.Console());
        var accounts = app.Service<AccountService>();
        if (accounts.Find("jjc") is null) accounts.Create("jjc", "基教处李晓梅", Password, UserRole.DepartmentUser, _basic.Id);
    }

    private async Task<HttpClient> Clerk()
    {
        var client = _app.CreateClient();
        await client.SignInAsync("jjc", Password);
        return client;
    }

    private List<KeyValuePair<string, string>> ChildForm(string name, string deadline) =>
    [
        new("Form.Year", "2018"), new("Form.Name", name), new("Form.ListKind", "Department"),
        new("Form.Source", "Municipal"), new("Form.LeadDepartmentId", _basic.Id.ToString()),
        new("Form.Deadline", deadline), new("Form.Status", "NotStarted"),
    ];

    [Fact]
    public async Task A_department_adds_a_child_under_its_own_task_and_the_parent_lists_it_with_its_light()
    {
        var client = await Clerk();
        var page = await client.GetDocumentAsync($"/Tasks/{_own.Code}");
        var add = page.QuerySelectorAll("a.button").Single(a => a.TextContent == "添加子任务");
        Assert.Equal($"/Tasks/Edit?parent={_own.Code}", add.GetAttribute("href"));
        Assert.Null((await client.GetDocumentAsync($"/Tasks/{_foreign.Code}")).QuerySelectorAll("a.button")
            .FirstOrDefault(a => a.TextContent == "添加子任务"));

        var response = await client.PostFormAsync($"/Tasks/Edit?parent={_own.Code}", ChildForm("和平区学区化办学", "2018-06-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var child = _app.Service<TaskRegistry>().Children(_own.Id).Single(c => c.Name == "和平区学区化办学");
        Assert.Equal($"/Tasks/{child.Code}", response.RequestMessage!.RequestUri!.AbsolutePath); // redirected to the child
        Assert.StartsWith(_own.Code + "-", child.Code);
        var parent = await client.GetDocumentAsync($"/Tasks/{_own.Code}");
        var row = parent.QuerySelectorAll("section.subtasks tbody tr").Single(r => r.TextContent.Contains("和平区学区化办学"));
        Assert.Contains("逾期", row.QuerySelector(".light-red")!.TextContent); // 2018-06-01 has passed (today is 2018-06-15): overdue
        Assert.NotNull(parent.QuerySelector(".status-line .light-red")); // and the parent shows it, saying why
        Assert.Contains($"因子任务 {child.Code} 逾期", parent.QuerySelector(".status-line")!.TextContent);
        var crumb = (await client.GetDocumentAsync($"/Tasks/{child.Code}")).QuerySelector("nav.breadcrumb a")!;
        Assert.Equal($"/Tasks/{_own.Code}", crumb.GetAttribute("href"));
    }

    [Fact]
    public async Task A_hand_made_post_under_another_departments_task_answers_403_with_the_reason_and_is_audited()
    {
        var client = await Clerk();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Tasks/Edit?parent={_foreign.Code}")).StatusCode);

        // The form of the clerk's own task supplies the token; the POST names the other department's task.
        var response = await client.PostFormAsync($"/Tasks/Edit?parent={_own.Code}", ChildForm("越权分解", "2018-12-31"),
            $"/Tasks/Edit?parent={_foreign.Code}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("处室只能在本处室牵头的任务下分解子任务", await response.Content.ReadAsStringAsync());
        Assert.Empty(_app.Service<TaskRegistry>().Children(_foreign.Id));
        var denied = _app.Service<AuditLog>().Find(action: "access.denied");
        Assert.Contains(denied, e => e.Who == "基教处李晓梅" && e.Subject == $"任务 {_foreign.Code}"
            && e.Details.Contains("无权在任务“2018-002”下添加子任务"));
    }

    [Fact]
    public async Task The_one_table_shows_the_tree_or_only_the_leaves_as_the_url_says()
    {
        var tasks = _app.Service<TaskRegistry>();
        var child = tasks.Children(_own.Id).FirstOrDefault(c => c.Name == "一览表中的子任务")
            ?? tasks.AddChild(_own.Code, new TaskDraft { Name = "一览表中的子任务", LeadDepartmentId = _basic.Id }, Actor.Console());
        var client = _app.CreateClient();
        await client.SignInAsync();

        var tree = await client.GetDocumentAsync("/OneTable?year=2018");
        var leaves = await client.GetDocumentAsync("/OneTable?year=2018&view=leaves");

        string[] Codes(AngleSharp.Html.Dom.IHtmlDocument d) =>
            d.QuerySelectorAll("table.onetable tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToArray();
        Assert.Contains(_own.Code, Codes(tree));
        Assert.True(Array.IndexOf(Codes(tree), child.Code) > Array.IndexOf(Codes(tree), _own.Code));
        Assert.Contains("depth-1", tree.QuerySelectorAll("td.tree-name").Single(td => td.TextContent.Contains("一览表中的子任务")).ClassName);
        Assert.DoesNotContain(_own.Code, Codes(leaves));
        Assert.Contains(child.Code, Codes(leaves));
        var toLeaves = tree.QuerySelectorAll("nav.view-switch a").Single(a => a.TextContent == "仅末级任务");
        Assert.Equal("/OneTable?year=2018&view=leaves", toLeaves.GetAttribute("href"));
        Assert.Contains("view=leaves", leaves.QuerySelector("a.button[href*='handler=Xlsx']")!.GetAttribute("href"));
    }
}
