using System.Net;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Tasks;

/// <summary>
/// 办结 and 撤销 over HTTP: a department user's hand-made POSTs (the ordinary edit form with another status, the 撤销
/// form with a decision typed in) answer 403 with the reason and are audited; the page's own 办结 and the office's
/// reopening work.
/// </summary>
public class ClosePagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _task;

    public ClosePagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var basic = directory.DepartmentNamed("基础教育处") ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        if (directory.PersonNamed("赵志强") is null)
            directory.SavePerson(new Person { Name = "赵志强", Role = PersonRole.Head, DepartmentId = basic.Id });
        var tasks = app.Service<TaskRegistry>();
        _task = tasks.Find("2018-001") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "推进学区化办学", LeadDepartmentId = basic.Id, Target = "学区全覆盖", Standard = "验收合格",
            Deadline = new DateOnly(2018, 5, 31), Status = KeyTaskStatus.InProgress,
        }, Actor.Console());
        var accounts = app.Service<AccountService>();
        if (accounts.Find("jjc") is null) accounts.Create("jjc", "基教处李晓梅", Password, UserRole.DepartmentUser, basic.Id);
    }

    private KeyTaskStatus Stored => _app.Service<TaskRegistry>().Find(_task.Code)!.Status;

    private async Task<HttpClient> Clerk()
    {
        var client = _app.CreateClient();
        await client.SignInAsync("jjc", Password);
        return client;
    }

    private static List<KeyValuePair<string, string>> EditForm(KeyTask t, string status) =>
    [
        new("Form.Year", "2018"), new("Form.Name", t.Name), new("Form.ListKind", "Comprehensive"),
        new("Form.Source", "Municipal"), new("Form.Target", t.Target), new("Form.Standard", t.Standard),
        new("Form.LeadDepartmentId", t.LeadDepartmentId!.Value.ToString()), new("Form.Deadline", "2018-05-31"),
        new("Form.Status", status),
    ];

    [Fact]
    public async Task A_department_users_edit_form_posted_with_cancelled_answers_403_with_the_reason_and_is_audited()
    {
        var client = await Clerk();
        var edit = await client.GetDocumentAsync($"/Tasks/Edit/{_task.Code}");
        Assert.Null(edit.QuerySelector("select[name='Form.Status']")); // the form offers no status to choose

        var response = await client.PostFormAsync($"/Tasks/Edit/{_task.Code}", EditForm(_task, "Cancelled"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("撤销或暂缓须有委领导的研究决定", await response.Content.ReadAsStringAsync());
        Assert.Equal(KeyTaskStatus.InProgress, Stored);
        var denied = _app.Service<AuditLog>().Find(action: "access.denied");
        Assert.Contains(denied, e => e.Who == "基教处李晓梅" && e.Subject == $"任务 {_task.Code}" && e.Details.Contains("已撤销"));
    }

    [Fact]
    public async Task A_department_users_cancel_post_with_a_decision_typed_in_answers_403()
    {
        var client = await Clerk();
        var page = await client.GetDocumentAsync($"/Tasks/Close/{_task.Code}");
        Assert.Null(page.QuerySelector("button[formaction*='handler=Cancel']"));

        var response = await client.PostFormAsync($"/Tasks/Close/{_task.Code}",
        [
            new("DecidedBy", "王建国"), new("DecidedOn", "2018-07-01"), new("Occasion", "主任办公会"), new("Reason", "不再需要"),
        ], $"/Tasks/Close/{_task.Code}?handler=Cancel");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("由办公室或委领导登记", await response.Content.ReadAsStringAsync());
        Assert.Equal(KeyTaskStatus.InProgress, Stored);
    }

    [Fact]
    public async Task The_department_completes_with_the_heads_confirmation_and_the_office_reopens()
    {
        var client = await Clerk();
        var url = $"/Tasks/Close/{_task.Code}";
        var refused = await client.PostFormAsync(url, [new("ConfirmedBy", "赵志强"), new("ConfirmedOn", "2018-06-30")],
            url + "?handler=Complete");
        Assert.Contains("佐证材料后补", await refused.Content.ReadAsStringAsync());
        Assert.Equal(KeyTaskStatus.InProgress, Stored);

        var done = await client.PostFormAsync(url,
            [new("ToFollow", "true"), new("ConfirmedBy", "赵志强"), new("ConfirmedOn", "2018-06-30")], url + "?handler=Complete");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(KeyTaskStatus.Completed, Stored);
        Assert.Contains("任务已办结", await done.Content.ReadAsStringAsync());

        var office = _app.CreateClient();
        await office.SignInAsync();
        var reopened = await office.PostFormAsync(url, [new("Reason", "督查发现成果未达标")], url + "?handler=Reopen");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(KeyTaskStatus.InProgress, Stored);
    }
}
