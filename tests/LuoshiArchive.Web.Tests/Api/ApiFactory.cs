using System.Net.Http.Headers;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using Microsoft.AspNetCore.Hosting;

namespace LuoshiArchive.Web.Tests.Api;

/// <summary>
/// The app on Kestrel at a free loopback port (real HTTP), departments closed to each other, with two departments, a
/// task each, a department clerk and the office, and a token for each made the way the account page makes them.
/// </summary>
public sealed class ApiFactory : LuoshiWebFactory
{
    public const string ClerkName = "clerk";
    public const string OwnTask = "2018-001";
    public const string ForeignTask = "2018-002";

    public ApiFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Luoshi:DepartmentUsersReadAll", "false");
        // LibreOffice under a full parallel run on two cores can take minutes for one PDF: a slow conversion is not
        // what these tests check, a missing or broken one is (503 or no PDF fails them).
        builder.UseSetting("Luoshi:PdfTimeout", "00:08:00");
    }

    private readonly Lock _seed = new();
    private (string Clerk, string Office)? _tokens;

    /// <summary>Seeds once; returns the clerk's and the office's token secrets.</summary>
    public (string Clerk, string Office) Tokens()
    {
        lock (_seed)
        {
            if (_tokens is { } made) return made;
            StartServer();
            EnsureAdmin();
            var directory = Service<OrganisationDirectory>();
            var office = directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
            var basic = directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
            var tasks = Service<TaskRegistry>();
            tasks.Create(new TaskDraft
            {
                Code = OwnTask, Year = 2018, Name = "建立督办台账", LeadDepartmentId = office.Id, Target = "全年任务全部建账",
                Status = KeyTaskStatus.InProgress, Deadline = new DateOnly(2018, 12, 31),
                Milestones =
                [
                    new Milestone { Due = new DateOnly(2018, 6, 10), Description = "形成初稿" },
                    new Milestone { Due = new DateOnly(2018, 9, 30), Description = "正式运行" },
                ],
            }, Actor.Console());
            tasks.Create(new TaskDraft { Code = ForeignTask, Year = 2018, Name = "课后服务经费测算", LeadDepartmentId = basic.Id },
                Actor.Console());
            var accounts = Service<AccountService>();
            var clerk = accounts.Create(ClerkName, "办公室李四", AdminPassword, UserRole.DepartmentUser, office.Id);
            Service<ProgressLog>().AddAsync(OwnTask, new ProgressDraft { Date = new DateOnly(2018, 6, 12), Text = "台账初稿已形成", Completion = 40 },
                [], Actor.For(clerk)).GetAwaiter().GetResult();
            var issuer = Service<ApiTokens>();
            var clerkToken = issuer.Create(ClerkName, "测试", null, Actor.For(clerk), ClerkName).Secret;
            var officeToken = issuer.Create(AdminName, "测试", null, Actor.Console()).Secret;
            _tokens = (clerkToken, officeToken);
            return _tokens.Value;
        }
    }

    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient();
        // PDF renditions start LibreOffice, which under a full parallel test run on two cores can take minutes: longer
        // than the app's Luoshi:PdfTimeout above, so the app's answer (the PDF or a 503) always arrives.
        client.Timeout = TimeSpan.FromMinutes(10);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static MultipartFormDataContent Upload(string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value, Encoding.UTF8), name);
        return form;
    }

    public int EvidenceCount() => Service<DossierService>().DossierOf(Service<TaskRegistry>().Find(OwnTask)!.Id).Count
        + Service<DossierService>().DossierOf(Service<TaskRegistry>().Find(ForeignTask)!.Id).Count;
}
