using System.Net;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Tasks;

/// <summary>
/// 年度结转 over HTTP: the office ticks the year's unfinished tasks and carries them into the next year; each task page
/// links to the other year's; a department user is refused the page and a hand-made POST, and nothing is carried.
/// </summary>
public class CarryOverPagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _open;
    private readonly KeyTask _other;

    public CarryOverPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var basic = directory.DepartmentNamed("基础教育处")
                    ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var tasks = app.Service<TaskRegistry>();
        KeyTask Task(string code, string name) => tasks.Find(code) ?? tasks.Create(new TaskDraft
        {
            Code = code, Year = 2017, Name = name, LeadDepartmentId = basic.Id, Target = "全覆盖", Standard = "验收",
            Deadline = new DateOnly(2017, 12, 31), Status = KeyTaskStatus.InProgress,
        }, Actor.Console());
        _open = Task("2017-001", "推进集团化办学");
        _other = Task("2017-002", "完善课后服务");
        var accounts = app.Service<AccountService>();
        if (accounts.Find("jjc-carry") is null)
            accounts.Create("jjc-carry", "基教处李晓梅", Password, UserRole.DepartmentUser, basic.Id);
    }

    [Fact]
    public async Task The_office_carries_a_ticked_task_and_both_task_pages_link_to_each_other()
    {
        var office = _app.CreateClient();
        await office.SignInAsync(LuoshiWebFactory.AdminName, LuoshiWebFactory.AdminPassword);
        var page = await office.GetDocumentAsync("/Tasks/CarryOver?year=2017");
        var boxes = page.QuerySelectorAll("form.carry-over input[name=codes]").ToList();
        Assert.Contains(boxes, b => b.GetAttribute("value") == _open.Code && b.HasAttribute("checked"));
        Assert.Equal("2018-12-31", page.QuerySelector("input[name=deadline]")!.GetAttribute("value"));

        var response = await office.PostFormAsync("/Tasks/CarryOver?year=2017",
            [new("year", "2017"), new("codes", _open.Code), new("deadline", "2018-12-31")]);

        var done = BrowserLikeClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("已结转 1 项任务到2018年度", done.QuerySelector(".notice")!.TextContent);
        var carried = _app.Service<TaskRegistry>().FindById(_app.Service<TaskRegistry>().Find(_open.Code)!.CarriedToId!.Value)!;
        Assert.Equal((2018, "推进集团化办学"), (carried.Year, carried.Name));
        Assert.Contains(carried.Code, done.QuerySelector("#h-carried")!.ParentElement!.TextContent);
        Assert.DoesNotContain(done.QuerySelectorAll("input[name=codes]"), b => b.GetAttribute("value") == _open.Code);
        var oldPage = await office.GetDocumentAsync($"/Tasks/{_open.Code}");
        Assert.Equal($"/Tasks/{carried.Code}", oldPage.QuerySelector(".notice.carried a")!.GetAttribute("href"));
        var newPage = await office.GetDocumentAsync($"/Tasks/{carried.Code}");
        Assert.Equal($"/Tasks/{_open.Code}", newPage.QuerySelector(".hint.carried a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_department_user_is_refused_the_page_and_a_hand_made_post()
    {
        var clerk = _app.CreateClient();
        await clerk.SignInAsync("jjc-carry", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/Tasks/CarryOver?year=2017")).StatusCode);
        var token = (await clerk.GetDocumentAsync("/Tasks")).AntiforgeryToken();

        var response = await clerk.PostAsync("/Tasks/CarryOver?year=2017", new FormUrlEncodedContent(
            [new("year", "2017"), new("codes", _other.Code), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(_app.Service<TaskRegistry>().Find(_other.Code)!.CarriedToId);
    }
}
