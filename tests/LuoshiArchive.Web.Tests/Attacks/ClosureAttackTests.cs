using System.IO.Compression;
using System.Net;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Tests.Pages.Security;

namespace LuoshiArchive.Web.Tests.Attacks;

/// <summary>
/// The closure attack, repeated: with departments closed (<c>Luoshi:DepartmentUsersReadAll=false</c>), a 基础教育处
/// clerk asks every listing, export and download for 高等教育处's task by hand-made URLs. Nothing of it may come back:
/// not the title, not the original file. The clerk's own task shows in the same places, so an empty page cannot pass.
/// </summary>
public class ClosureAttackTests(ClosedDepartmentsFactory app) : IClassFixture<ClosedDepartmentsFactory>
{
    private const string Password = "Luoshi-2018!";
    private const string ForeignName = "高教处独有的重点任务";
    private const string OwnName = "基教处自己的重点任务";
    private const string ForeignFileText = "高等教育处的原件正文";

    private sealed record World(Department Higher, KeyTask Own, KeyTask Foreign, int ForeignMeeting, int ForeignEvidence);

    // One world per test class (xunit makes a class instance per test; the app fixture is shared).
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static World? s_world;

    private async Task<World> SeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return s_world ??= await CreateWorldAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<World> CreateWorldAsync()
    {
        app.EnsureAdmin();
        var admin = Actor.Console();
        var directory = app.Service<OrganisationDirectory>();
        var basic = directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var higher = directory.SaveDepartment(new Department { Name = "高等教育处", Code = "GJC" });
        var tasks = app.Service<TaskRegistry>();
        var own = tasks.Create(new TaskDraft { Year = 2018, Name = OwnName, LeadDepartmentId = basic.Id,
            Deadline = new DateOnly(2018, 12, 31) }, admin);
        var foreign = tasks.Create(new TaskDraft { Year = 2018, Name = ForeignName, LeadDepartmentId = higher.Id,
            Deadline = new DateOnly(2018, 5, 31), AddedOn = new DateOnly(2018, 1, 2) }, admin);
        var dossiers = app.Service<DossierService>();
        var evidence = await dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes(ForeignFileText)), "高教原件.txt",
            [foreign.Code], null, admin);
        await dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("基教处的材料")), "基教材料.txt", [own.Code], null, admin);
        var meeting = app.Service<MeetingRegister>().Add(new MeetingDraft
        {
            Kind = MeetingKind.Coordination, Date = new DateOnly(2018, 5, 10), Title = "高教专题协调会",
            Agenda = [("研究高教任务", [foreign.Code])],
        }, admin);
        app.Service<SupervisionService>().Issue(new SupervisionOrderDraft
        {
            TaskCode = foreign.Code, What = "报送高教任务进展", Due = new DateOnly(2018, 6, 20), HowToReply = "系统填报",
        }, admin);
        app.Service<AccountService>().Create("jjc", "基教处王五", Password, UserRole.DepartmentUser, basic.Id);
        return new World(higher, own, foreign, meeting.Id, evidence.Evidence.Id);
    }

    private async Task<HttpClient> ClerkAsync()
    {
        var clerk = app.CreateClient();
        await clerk.SignInAsync("jjc", Password);
        return clerk;
    }

    [Theory]
    [InlineData("/Tasks?year=2018")]
    [InlineData("/OneTable?year=2018")]
    [InlineData("/Inspection?year=2018&tasks={own},{foreign}")]
    [InlineData("/Inspection?year=2018&department={higher}")]
    [InlineData("/Meetings?year=2018")]
    [InlineData("/Supervision")]
    [InlineData("/Assessment?year=2018")]
    [InlineData("/Search?q=原件")]
    public async Task A_listing_shows_nothing_of_another_departments_task(string url)
    {
        var world = await SeedAsync();
        var page = await (await ClerkAsync()).GetAsync(Fill(url, world));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(ForeignName, html);
        // A code the clerk typed comes back in the form's input; anywhere else it would be a leak.
        if (!url.Contains("{foreign}", StringComparison.Ordinal)) Assert.DoesNotContain(world.Foreign.Code, html);
    }

    [Theory]
    [InlineData("/Tasks?year=2018")]
    [InlineData("/OneTable?year=2018")]
    [InlineData("/Inspection?year=2018&tasks={own},{foreign}")]
    [InlineData("/Assessment?year=2018")]
    public async Task The_same_listing_shows_the_clerks_own_task(string url)
    {
        var world = await SeedAsync();
        var html = await (await ClerkAsync()).GetStringAsync(Fill(url, world));
        Assert.Contains(OwnName, html);
    }

    [Theory]
    [InlineData("/OneTable?handler=Xlsx&year=2018")]
    [InlineData("/Assessment?handler=Xlsx&year=2018")]
    public async Task A_spreadsheet_export_holds_only_the_clerks_tasks(string url)
    {
        var world = await SeedAsync();
        var bytes = await (await ClerkAsync()).GetByteArrayAsync(Fill(url, world));
        // Every sheet's XML, shared strings included: the text a reader of the workbook would see.
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = string.Concat(zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains(OwnName, text);
        Assert.DoesNotContain(ForeignName, text);
        Assert.DoesNotContain("高等教育处", text);
    }

    [Fact]
    public async Task The_inspection_zip_of_another_department_holds_none_of_its_originals()
    {
        var world = await SeedAsync();
        var response = await (await ClerkAsync()).GetAsync($"/Inspection?handler=Zip&year=2018&department={world.Higher.Id}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                Assert.DoesNotContain(ForeignFileText, reader.ReadToEnd());
            }
            Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains(world.Foreign.Code, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(ForeignFileText, Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("/Tasks/{foreign}")]
    [InlineData("/Evidence/{evidence}")]
    [InlineData("/Evidence/{evidence}?handler=Download")]
    [InlineData("/Meetings/{meeting}")]
    [InlineData("/SelfChecks/{higher}/2018/5")]
    [InlineData("/SelfChecks/{higher}/2018/5?handler=Xlsx")]
    [InlineData("/SelfChecks/{higher}/2018/5?handler=Docx")]
    public async Task A_direct_address_of_another_departments_record_is_refused(string url)
    {
        var world = await SeedAsync();
        var response = await (await ClerkAsync()).GetAsync(Fill(url, world));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ForeignName, body);
        Assert.DoesNotContain(ForeignFileText, body);
    }

    [Fact]
    public async Task The_self_check_overview_lists_only_the_clerks_department()
    {
        var world = await SeedAsync();
        var html = await (await ClerkAsync()).GetStringAsync("/SelfChecks?year=2018&month=5");
        Assert.DoesNotContain($"/SelfChecks/{world.Higher.Id}/", html);
        Assert.DoesNotContain("高等教育处", html);
    }

    private static string Fill(string url, World world) => url
        .Replace("{own}", world.Own.Code, StringComparison.Ordinal).Replace("{foreign}", world.Foreign.Code, StringComparison.Ordinal)
        .Replace("{higher}", world.Higher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{meeting}", world.ForeignMeeting.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{evidence}", world.ForeignEvidence.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
