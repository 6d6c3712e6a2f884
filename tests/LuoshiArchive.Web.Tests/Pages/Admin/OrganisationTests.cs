using LuoshiArchive.Core.Organisation;

namespace LuoshiArchive.Web.Tests.Pages.Admin;

public class OrganisationTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;

    public OrganisationTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
    }

    [Fact]
    public async Task A_department_and_its_head_are_added_and_listed()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();

        await client.PostFormAsync("/Admin/Organisation",
            [new("Department.Id", "0"), new("Department.Name", "教师工作处"), new("Department.Code", "jsgz"), new("Department.SortOrder", "0")],
            postUrl: "/Admin/Organisation?handler=Department");
        var department = _app.Service<OrganisationDirectory>().DepartmentNamed("教师工作处")!;
        await client.PostFormAsync("/Admin/Organisation",
            [new("Person.Id", "0"), new("Person.Name", "朱文涛"), new("Person.Role", "Head"),
             new("Person.DepartmentId", department.Id.ToString()), new("Person.Title", "处长"), new("Person.Phone", "")],
            postUrl: "/Admin/Organisation?handler=Person");

        var page = await client.GetDocumentAsync("/Admin/Organisation");
        Assert.Equal("JSGZ", department.Code);
        var row = page.QuerySelectorAll("tr").Select(r => r.TextContent).Single(t => t.Contains("朱文涛"));
        Assert.Contains("主要负责人", row);
        Assert.Contains("教师工作处", row);
        var trail = _app.Service<LuoshiArchive.Core.Audit.AuditLog>().Find(action: "department.created");
        Assert.Contains(trail, e => e.Subject == "处室 教师工作处" && e.Who == "办公室张三");
        Assert.Contains(_app.Service<LuoshiArchive.Core.Audit.AuditLog>().Find(action: "person.created"), e => e.Details.Contains("朱文涛，主要负责人，教师工作处"));
    }

    [Fact]
    public async Task The_administrator_enters_the_fonds_number_and_the_next_bundle_is_numbered_with_it()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var tasks = _app.Service<LuoshiArchive.Core.Tasks.TaskRegistry>();
        if (tasks.List(new LuoshiArchive.Core.Tasks.TaskFilter { Year = 2018 }).Count == 0)
            tasks.Create(new LuoshiArchive.Core.Tasks.TaskDraft { Year = 2018, Name = "建立佐证材料档案" }, LuoshiArchive.Core.Accounts.Actor.Console("t"));

        var refused = await client.PostFormAsync("/Admin/Organisation", [new("FondsNumber", "01-94")],
            postUrl: "/Admin/Organisation?handler=Fonds");
        Assert.Contains("全宗号应为 1 至 8 位数字或大写字母", await refused.Content.ReadAsStringAsync());
        await client.PostFormAsync("/Admin/Organisation", [new("FondsNumber", "0194")], postUrl: "/Admin/Organisation?handler=Fonds");

        var page = await client.GetDocumentAsync("/Admin/Organisation");
        Assert.Equal("0194", page.QuerySelector("input[name=FondsNumber]")!.GetAttribute("value"));
        var file = Path.Combine(Path.GetTempPath(), $"luoshi-fonds-{Guid.NewGuid():N}.zip");
        try
        {
            _app.Service<LuoshiArchive.Core.Archive.AnnualBundle>().Export(2018, file);
            using var zip = System.IO.Compression.ZipFile.OpenRead(file);
            using var info = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("/bag-info.txt", StringComparison.Ordinal)).Open());
            Assert.Contains("External-Identifier: 0194-WS·2018", info.ReadToEnd());
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Contains(_app.Service<LuoshiArchive.Core.Audit.AuditLog>().Find(action: "archive.fonds-number"), e => e.Details.EndsWith("→ 0194", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_department_name_is_refused_in_chinese()
    {
        _app.Service<OrganisationDirectory>().FindOrCreateDepartment("财务处");
        var client = _app.CreateClient();
        await client.SignInAsync();

        var response = await client.PostFormAsync("/Admin/Organisation",
            [new("Department.Id", "0"), new("Department.Name", "财务处"), new("Department.Code", "CWC")],
            postUrl: "/Admin/Organisation?handler=Department");

        Assert.Contains("已有名为“财务处”的处室", await response.Content.ReadAsStringAsync());
        Assert.Single(_app.Service<OrganisationDirectory>().Departments(), d => d.Name == "财务处");
    }
}
