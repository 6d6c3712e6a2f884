using System.Net;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Incoming;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Incoming;

/// <summary>
/// 来文来件 over HTTP: the office registers a proposal with its file, writes the 拟办意见, types in the leader's paper
/// 批示 and assigns it to a new task that carries the source, deadline and 批示; a department user is refused (403).
/// </summary>
public class IncomingPagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;
    private readonly Department _basic;

    public IncomingPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        _basic = directory.DepartmentNamed("基础教育处") ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        if (directory.PersonNamed("王建国") is null)
            directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader });
        var accounts = app.Service<AccountService>();
        if (accounts.Find("jjc2") is null) accounts.Create("jjc2", "基教处卫芳", Password, UserRole.DepartmentUser, _basic.Id);
    }

    [Fact]
    public async Task Register_propose_instruct_and_assign_from_the_pages()
    {
        var office = _app.CreateClient();
        await office.SignInAsync();
        var form = await office.GetDocumentAsync("/Incoming");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.AntiforgeryToken()), "__RequestVerificationToken" },
            { new StringContent("Proposal"), "Kind" }, { new StringContent("市政协委员张华"), "From" },
            { new StringContent("第0789号"), "Number" }, { new StringContent("关于学生午餐配送的提案"), "Title" },
            { new StringContent(_app.Service<TaskRegistry>().Today.AddDays(-5).ToString("yyyy-MM-dd")), "Received" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("建议统一配送学生午餐。")), "file", "提案.txt" },
        };
        var registered = await office.PostAsync("/Incoming", content);
        Assert.True(registered.StatusCode == HttpStatusCode.OK, registered.RequestMessage!.RequestUri + " " + await registered.Content.ReadAsStringAsync());
        var url = registered.RequestMessage!.RequestUri!.AbsolutePath;
        var id = int.Parse(url.Split('/').Last());
        Assert.Contains("待拟办", await registered.Content.ReadAsStringAsync());

        await office.PostFormAsync(url, [new("Text", "拟请基础教育处办理")], url + "?handler=Propose");
        var instructed = await office.PostFormAsync(url,
            [new("Leader", "王建国"), new("On", _app.Service<TaskRegistry>().Today.ToString("yyyy-MM-dd")), new("Text", "请抓紧办理")],
            url + "?handler=Instruct");
        Assert.Contains("已批示待交办", await instructed.Content.ReadAsStringAsync());
        var assigned = await office.PostFormAsync(url,
            [new("Name", "办理第0789号提案"), new("DepartmentId", _basic.Id.ToString()), new("Deadline", "")], url + "?handler=AssignNew");

        Assert.Contains("已交办", await assigned.Content.ReadAsStringAsync());
        var item = _app.Service<IncomingRegister>().Find(id)!;
        var task = _app.Service<TaskRegistry>().Find(_app.Service<IncomingRegister>().CodesOf(item).Single())!;
        Assert.Equal((TaskSource.Proposal, item.Deadline), (task.Source, task.Deadline));
        Assert.Contains("王建国", task.Remarks);

        var clerk = _app.CreateClient();
        await clerk.SignInAsync("jjc2", Password);
        var list = await clerk.GetDocumentAsync("/Incoming");
        Assert.Contains("关于学生午餐配送的提案", list.Body!.TextContent); // assigned to their department
        Assert.Null(list.QuerySelector("form[enctype]")); // no registration form
        var refused = await clerk.PostFormAsync(url, [new("Leader", "王建国"), new("On", "2018-01-01"), new("Text", "x")],
            url + "?handler=Instruct");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("无权记录批示", await refused.Content.ReadAsStringAsync());
    }
}
