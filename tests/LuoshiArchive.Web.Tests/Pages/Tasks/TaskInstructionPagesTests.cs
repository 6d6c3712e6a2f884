using System.Net;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Tasks;

/// <summary>
/// 领导批示 on /Tasks/{code}: a leader's hand-made POST on another leader's task is 403 with the reason, audited, nothing
/// stored; on a task of their area the 批示 is shown in the section; the office types one in under a leader's name;
/// empty text is an alert on the page.
/// </summary>
public class TaskInstructionPagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _own;
    private readonly KeyTask _foreign;
    private readonly Person _other;

    public TaskInstructionPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var basic = directory.DepartmentNamed("基础教育处")
                    ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var mine = directory.Leaders().FirstOrDefault(p => p.Name == "王建国")
                   ?? directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader });
        _other = directory.Leaders().FirstOrDefault(p => p.Name == "李红梅")
                 ?? directory.SavePerson(new Person { Name = "李红梅", Role = PersonRole.SupervisingLeader });
        var tasks = app.Service<TaskRegistry>();
        _own = tasks.Find("2018-001") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "王建国分管的任务", LeadDepartmentId = basic.Id, SupervisingLeaderId = mine.Id,
            Deadline = new DateOnly(2018, 12, 31),
        }, Actor.Console());
        _foreign = tasks.Find("2018-002") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "李红梅分管的任务", LeadDepartmentId = basic.Id, SupervisingLeaderId = _other.Id,
            Deadline = new DateOnly(2018, 12, 31),
        }, Actor.Console());
        var accounts = app.Service<AccountService>();
        if (accounts.Find("wang") is null)
            accounts.Create("wang", "委领导王建国", Password, UserRole.Leader, actor: Actor.Console(), personId: mine.Id);
    }

    private TaskRegistry Tasks => _app.Service<TaskRegistry>();
    private string Yesterday => Tasks.Today.AddDays(-1).ToString("yyyy-MM-dd");

    private async Task<HttpClient> SignedIn(string name, string password)
    {
        var client = _app.CreateClient();
        await client.SignInAsync(name, password);
        return client;
    }

    private static Task<HttpResponseMessage> Instruct(HttpClient client, KeyTask task, string text, string date,
        int? leader = null) =>
        client.PostFormAsync($"/Tasks/{task.Code}",
            [new("text", text), new("date", date), new("leader", leader?.ToString() ?? "")],
            $"/Tasks/{task.Code}?handler=Instruct");

    [Fact]
    public async Task A_leader_is_refused_on_another_leaders_task_and_sees_their_own_instruction_on_their_task()
    {
        var leader = await SignedIn("wang", Password);

        var refused = await Instruct(leader, _foreign, "请抓紧办理", Yesterday);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不在您分管的范围内", await refused.Content.ReadAsStringAsync());
        Assert.Empty(Tasks.Instructions(_foreign.Id));
        Assert.Contains(_app.Service<AuditLog>().Find(who: "委领导王建国", action: "access.denied"),
            e => e.Subject == $"任务 {_foreign.Code}");
        Assert.DoesNotContain("记录批示", await leader.GetStringAsync($"/Tasks/{_foreign.Code}"));

        var done = await Instruct(leader, _own, "请于月底前报送推进情况", Yesterday);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var page = await leader.GetStringAsync($"/Tasks/{_own.Code}");
        Assert.Contains("领导批示", page);
        Assert.Contains("请于月底前报送推进情况", page);
        Assert.Contains($"{Yesterday}", page);
    }

    [Fact]
    public async Task The_office_types_in_a_paper_instruction_and_empty_text_is_an_alert_with_nothing_stored()
    {
        var office = await SignedIn(LuoshiWebFactory.AdminName, LuoshiWebFactory.AdminPassword);
        var before = Tasks.Instructions(_foreign.Id).Count;

        var empty = await Instruct(office, _foreign, "  ", Yesterday, _other.Id);
        Assert.Contains("role=\"alert\"", await empty.Content.ReadAsStringAsync());
        Assert.Contains("请填写批示内容。", await empty.Content.ReadAsStringAsync());
        Assert.Equal(before, Tasks.Instructions(_foreign.Id).Count);

        await Instruct(office, _foreign, "同意，请基础教育处牵头落实", Yesterday, _other.Id);
        var entry = Tasks.Instructions(_foreign.Id)[0];
        Assert.Equal(("李红梅", "同意，请基础教育处牵头落实", true),
            (entry.Instruction!.Leader, entry.Instruction.Text, entry.Instruction.FromPaper));
        Assert.Contains("据纸质批示录入", await office.GetStringAsync($"/Tasks/{_foreign.Code}"));
    }
}
