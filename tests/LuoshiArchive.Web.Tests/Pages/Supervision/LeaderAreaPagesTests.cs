using System.Net;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Incoming;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Supervision;

/// <summary>
/// Hand-made POSTs and GETs by a leader account outside its area: a 督办单 on another leader's task, a 批示 on a received
/// item assigned to it, another leader's quarterly report: 403 with the reason, audited, nothing stored. In its own
/// area the same leader issues the order.
/// </summary>
public class LeaderAreaPagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _own;
    private readonly KeyTask _foreign;
    private readonly Person _other;

    public LeaderAreaPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var basic = directory.DepartmentNamed("基础教育处") ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
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

    private async Task<HttpClient> Leader()
    {
        var client = _app.CreateClient();
        await client.SignInAsync("wang", Password);
        return client;
    }

    private static List<KeyValuePair<string, string>> OrderOn(KeyTask task) =>
    [
        new("Issue.TaskCode", task.Code), new("Issue.What", "报送推进情况"), new("Issue.Due", "2030-06-20"),
        new("Issue.HowToReply", "在系统中回复"),
    ];

    [Fact]
    public async Task A_leader_orders_in_their_area_and_is_refused_outside_it()
    {
        var leader = await Leader();
        var supervision = _app.Service<SupervisionService>();
        var before = supervision.List().Count;

        var refused = await leader.PostFormAsync("/Supervision", OrderOn(_foreign), "/Supervision?handler=Issue");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不在您分管的范围内", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, supervision.List().Count);
        Assert.Contains(_app.Service<AuditLog>().Find(who: "委领导王建国", action: "access.denied"), e => e.Subject == $"任务 {_foreign.Code}");

        var issued = await leader.PostFormAsync("/Supervision", OrderOn(_own), "/Supervision?handler=Issue");
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains(supervision.List(), o => o.TaskId == _own.Id && o.IssuedBy == "委领导王建国");
    }

    [Fact]
    public async Task A_leader_cannot_instruct_on_an_item_of_another_area_nor_open_another_leaders_report()
    {
        var register = _app.Service<IncomingRegister>();
        var item = await register.RegisterAsync(new IncomingDraft
        {
            Kind = IncomingKind.Assignment, From = "市政府办公厅", Title = "交办事项（李红梅分管）", Received = new DateOnly(2018, 6, 1),
        }, null, null, Actor.Console());
        register.Assign(item.Id, [_foreign.Code], Actor.Console());
        var leader = await Leader();

        var instruct = await leader.PostFormAsync($"/Incoming/{item.Id}",
            [new("Text", "请抓紧办理"), new("On", "2018-06-02"), new("Leader", "")], $"/Incoming/{item.Id}?handler=Instruct");
        Assert.Equal(HttpStatusCode.Forbidden, instruct.StatusCode);
        Assert.Contains("不在您分管的范围内", await instruct.Content.ReadAsStringAsync());
        Assert.Null(register.Find(item.Id)!.Instruction);

        foreach (var url in new[] { $"/Reports/Leader?leader={_other.Id}&year=2018&quarter=2",
                     $"/Reports/Leader?leader={_other.Id}&year=2018&quarter=2&handler=Docx" })
        {
            var report = await leader.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
            Assert.Contains("这是李红梅的季度报告", await report.Content.ReadAsStringAsync());
        }
        var own = await leader.GetAsync("/Reports/Leader?year=2018&quarter=2");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
