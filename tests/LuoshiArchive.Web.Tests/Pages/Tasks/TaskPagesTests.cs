using LuoshiArchive.Core.Accounts;
using System.Net;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Tests;

namespace LuoshiArchive.Web.Tests.Pages.Tasks;

public class TaskPagesTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;
    private readonly Department _office;
    private readonly Person _leader;

    public TaskPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        _office = directory.DepartmentNamed("办公室") ?? directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        _leader = directory.PersonNamed("王建国")
                  ?? directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader, Title = "副主任" });
    }

    private KeyTask CreateTask(string name, DateOnly deadline, KeyTaskStatus status = KeyTaskStatus.InProgress) =>
        _app.Service<TaskRegistry>().Create(new TaskDraft
        {
            Year = 2018, Name = name, ListKind = TaskListKind.Comprehensive, Source = TaskSource.Municipal,
            Target = "按期完成" + name, Standard = "经验收合格", LeadDepartmentId = _office.Id,
            SupervisingLeaderId = _leader.Id, Deadline = deadline, Status = status,
            Milestones = [new Milestone { Due = deadline.AddDays(-30), Description = "形成初稿" }],
        }, Actor.Console("测试"));

    [Fact]
    public async Task The_list_shows_chinese_names_lights_and_filters_by_leader()
    {
        CreateTask("制作工作落实清单一览表", new DateOnly(2018, 5, 31));
        CreateTask("建立佐证材料档案", new DateOnly(2018, 12, 31));
        var client = _app.CreateClient();
        await client.SignInAsync();

        var page = await client.GetDocumentAsync($"/Tasks?year=2018&leader={_leader.Id}");

        var rows = page.QuerySelectorAll("table.data tbody tr").Select(r => r.TextContent).ToList();
        var overdue = Assert.Single(rows, r => r.Contains("制作工作落实清单一览表"));
        Assert.Contains("逾期", overdue);
        Assert.Contains("办公室", overdue);
        Assert.Contains(rows, r => r.Contains("建立佐证材料档案") && r.Contains("正常"));
    }

    [Fact]
    public async Task Creating_a_task_through_the_form_stores_it_with_its_history()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();

        var response = await client.PostFormAsync("/Tasks/Edit",
        [
            new("Form.Year", "2018"), new("Form.Name", "落实人大建议政协提案办理"), new("Form.ListKind", "Special"),
            new("Form.Source", "Proposal"), new("Form.Target", "按时办结全部建议提案"), new("Form.Standard", "满意率100%"),
            new("Form.LeadDepartmentId", _office.Id.ToString()), new("Form.Deadline", "2018-09-30"),
            new("Form.Milestones[0].Due", "2018-07-31"), new("Form.Milestones[0].Description", "完成答复初稿"),
            new("Form.Milestones[1].Due", ""), new("Form.Milestones[1].Description", ""),
            new("Form.Status", "InProgress"),
        ]);

        var page = BrowserLikeClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("落实人大建议政协提案办理", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("“四明确”完整", page.Body!.TextContent);
        var code = response.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();
        var stored = _app.Service<TaskRegistry>().Find(code)!;
        Assert.Equal(TaskSource.Proposal, stored.Source);
        Assert.Equal("完成答复初稿", Assert.Single(stored.Milestones).Description);
        Assert.Equal("办公室张三", Assert.Single(_app.Service<TaskRegistry>().History(stored.Id)).By);
    }

    [Fact]
    public async Task An_edit_that_changes_the_target_is_refused_and_points_to_adjustment()
    {
        var task = CreateTask("完善考核评价办法", new DateOnly(2018, 11, 30));
        var client = _app.CreateClient();
        await client.SignInAsync();

        var response = await client.PostFormAsync($"/Tasks/Edit/{task.Code}",
        [
            new("Form.Year", "2018"), new("Form.Name", task.Name), new("Form.ListKind", "Comprehensive"),
            new("Form.Source", "Municipal"), new("Form.Target", "悄悄改掉的目标"), new("Form.Standard", task.Standard),
            new("Form.Deadline", "2018-11-30"), new("Form.Milestones[0].Due", "2018-10-31"),
            new("Form.Milestones[0].Description", "形成初稿"), new("Form.Status", "InProgress"),
        ]);

        Assert.Contains("请通过“调整”并记录委领导的研究决定", await response.Content.ReadAsStringAsync());
        Assert.Equal(task.Target, _app.Service<TaskRegistry>().Find(task.Code)!.Target);
    }

    [Fact]
    public async Task An_adjustment_needs_the_leader_decision_and_keeps_the_original_in_the_history()
    {
        var task = CreateTask("开展作风纪律专项整治", new DateOnly(2018, 8, 31));
        var client = _app.CreateClient();
        await client.SignInAsync();
        var plan = new List<KeyValuePair<string, string>>
        {
            new("Target", "整治范围扩大到直属单位"), new("Deadline", "2018-10-31"),
            new("Milestones[0].Id", task.Milestones[0].Id.ToString()), new("Milestones[0].Due", "2018-09-15"),
            new("Milestones[0].Description", "形成初稿"),
        };

        var refused = await client.PostFormAsync($"/Tasks/Adjust/{task.Code}", plan);
        Assert.Contains("调整依据不完整", await refused.Content.ReadAsStringAsync());
        Assert.Equal(new DateOnly(2018, 8, 31), _app.Service<TaskRegistry>().Find(task.Code)!.Deadline);

        var accepted = await client.PostFormAsync($"/Tasks/Adjust/{task.Code}", plan.Concat(
        [
            new("DecidedBy", "王建国"), new("DecidedOn", "2018-06-12"), new("Occasion", "2018年第5次主任办公会"),
            new("Reason", "上级要求扩大整治范围"),
        ]));
        var page = await accepted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("2018年第5次主任办公会", page);
        Assert.Contains("按期完成开展作风纪律专项整治", page); // the original target, kept in the history
        var adjusted = _app.Service<TaskRegistry>().Find(task.Code)!;
        Assert.Equal(new DateOnly(2018, 10, 31), adjusted.Deadline);
        Assert.Equal("整治范围扩大到直属单位", adjusted.Target);
    }

    [Fact]
    public async Task Marking_a_milestone_done_turns_a_missed_milestone_green()
    {
        var task = CreateTask("建立专人管理机制", new DateOnly(2018, 7, 10)); // its milestone fell due on 2018-06-10
        var client = _app.CreateClient();
        await client.SignInAsync();
        Assert.Equal(TrafficLight.Yellow, task.LightOn(_app.Clock.GetToday()));

        await client.PostFormAsync($"/Tasks/{task.Code}",
            [new("milestone", task.Milestones[0].Id.ToString()), new("done", "true")],
            postUrl: $"/Tasks/{task.Code}?handler=Milestone");

        var stored = _app.Service<TaskRegistry>().Find(task.Code)!;
        Assert.True(stored.Milestones[0].Done);
        Assert.Equal(TrafficLight.Green, stored.LightOn(_app.Clock.GetToday()));
    }

    [Fact]
    public async Task An_unknown_task_is_a_404()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Tasks/1999-999")).StatusCode);
    }
}
