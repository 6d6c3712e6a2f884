using System.Net.Http.Headers;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Supervision;

/// <summary>
/// The people and tasks the supervision page tests share (created once per app): 办公室 and 基础教育处, two supervising
/// leaders (each with a leader account linked to them), accounts of each role, and four 2018 tasks seen on 2018-06-15 as done, overdue, coming due and on track.
/// </summary>
public sealed class SupervisionSeed
{
    public const string Password = "Luoshi-2018!";

    public SupervisionSeed(LuoshiWebFactory app)
    {
        app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        Office = directory.DepartmentNamed("办公室") ?? directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        Basic = directory.DepartmentNamed("基础教育处") ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        Wang = directory.PersonNamed("王建国") ?? directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader });
        Li = directory.PersonNamed("李红梅") ?? directory.SavePerson(new Person { Name = "李红梅", Role = PersonRole.SupervisingLeader });
        var tasks = app.Service<TaskRegistry>();
        Done = tasks.Find("2018-001") ?? LuoshiArchive.Core.Tests.Settled.As(app.Service<LuoshiArchive.Core.ILuoshiStore>(),
            Create(tasks, "2018-001", "印发年度工作要点", Office, Wang, new DateOnly(2018, 3, 31)).Code, KeyTaskStatus.Completed);
        Overdue = tasks.Find("2018-002") ?? Create(tasks, "2018-002", "制定落实长效机制实施方案", Office, Wang, new DateOnly(2018, 6, 1));
        Near = tasks.Find("2018-003") ?? Create(tasks, "2018-003", "建立重点任务台账", Office, Li, new DateOnly(2018, 12, 31),
            milestones: [new Milestone { Due = new DateOnly(2018, 6, 17), Description = "形成台账初稿" }]);
        OnTrack = tasks.Find("2018-004") ?? Create(tasks, "2018-004", "开展课后服务专题调研", Basic, Li, new DateOnly(2018, 12, 31),
            milestones: [new Milestone { Due = new DateOnly(2018, 9, 30), Description = "完成调研报告" }]);
        var accounts = app.Service<AccountService>();
        if (accounts.Find("clerk") is null) accounts.Create("clerk", "办公室孙丽娜", Password, UserRole.DepartmentUser, Office.Id);
        if (accounts.Find("basicclerk") is null) accounts.Create("basicclerk", "基教处卫芳", Password, UserRole.DepartmentUser, Basic.Id);
        if (accounts.Find("leader") is null)
            accounts.Create("leader", "委领导王建国", Password, UserRole.Leader, personId: Wang.Id);
        if (accounts.Find("leaderli") is null)
            accounts.Create("leaderli", "委领导李红梅", Password, UserRole.Leader, personId: Li.Id);
        if (accounts.Find("supervisor") is null) accounts.Create("supervisor", "督查科李明", Password, UserRole.OfficeSupervisor);
    }

    public Department Office { get; }
    public Department Basic { get; }
    public Person Wang { get; }
    public Person Li { get; }
    public KeyTask Done { get; }
    public KeyTask Overdue { get; }
    public KeyTask Near { get; }
    public KeyTask OnTrack { get; }

    private static KeyTask Create(TaskRegistry tasks, string code, string name, Department department, Person leader, DateOnly deadline,
        List<Milestone>? milestones = null, KeyTaskStatus status = KeyTaskStatus.InProgress) =>
        tasks.Create(new TaskDraft
        {
            Code = code, Year = 2018, Name = name, Target = name, Standard = "按期完成", LeadDepartmentId = department.Id,
            SupervisingLeaderId = leader.Id, Deadline = deadline, Status = status, AddedOn = new DateOnly(2018, 1, 1), Milestones = milestones ?? [],
        }, Actor.Console("测试"));

    public static async Task<HttpClient> SignedIn(LuoshiWebFactory app, string name)
    {
        var client = app.CreateClient();
        await client.SignInAsync(name, name == LuoshiWebFactory.AdminName ? LuoshiWebFactory.AdminPassword : Password);
        return client;
    }

    /// <summary>POSTs a multipart form (fields and text files) with the antiforgery token of <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostMultipart(HttpClient client, string pageUrl, string postUrl,
        IEnumerable<(string Name, string Value)> fields, params (string Field, string FileName, string Text)[] files)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var (field, fileName, text) in files)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, field, fileName);
        }
        content.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        return await client.PostAsync(postUrl, content);
    }
}
