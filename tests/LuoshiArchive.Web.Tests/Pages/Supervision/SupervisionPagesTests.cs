using System.Net;
using DocumentFormat.OpenXml.Packaging;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Supervision;

/// <summary>Progress on the task page, milestones done with their proof, and 督办单 issued, answered and printed.</summary>
public class SupervisionPagesTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;
    private readonly SupervisionSeed _seed;

    public SupervisionPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _seed = new SupervisionSeed(app);
    }

    [Fact]
    public async Task A_clerk_reports_progress_with_evidence_on_the_task_page()
    {
        var clerk = await SupervisionSeed.SignedIn(_app, "clerk");
        var code = _seed.Overdue.Code;

        var response = await SupervisionSeed.PostMultipart(clerk, $"/Tasks/{code}", $"/Tasks/{code}/Progress",
            [("Date", "2018-06-14"), ("Text", "方案已提交主任办公会审议"), ("Completion", "70"), ("Problems", "个别处室意见未反馈"),
             ("NextSteps", "6月底前印发"), ("Kind", "ProcessRecord")],
            ("files", "方案送审稿.txt", "落实长效机制实施方案（送审稿）"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = BrowserLikeClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("进展已报送，1 份佐证材料已存入档案", page.QuerySelector(".notice")!.TextContent);
        var progress = page.QuerySelector(".progress-log")!.TextContent;
        Assert.Contains("方案已提交主任办公会审议", progress);
        Assert.Contains("完成约 70%", progress);
        Assert.Contains("个别处室意见未反馈", progress);
        Assert.Contains("落实长效机制实施方案（送审稿）", page.QuerySelector("#h-dossier")!.ParentElement!.TextContent);
        Assert.Contains("2018-06-14：方案已提交主任办公会审议", _app.Service<TaskRegistry>().Find(code)!.ProgressSummary);
    }

    [Fact]
    public async Task A_clerk_cannot_report_on_another_departments_task()
    {
        var clerk = await SupervisionSeed.SignedIn(_app, "basicclerk");
        var code = _seed.Near.Code;
        var page = await clerk.GetDocumentAsync($"/Tasks/{code}");
        Assert.Null(page.QuerySelector("form.progress-form"));

        var response = await SupervisionSeed.PostMultipart(clerk, $"/Tasks/{code}", $"/Tasks/{code}/Progress",
            [("Date", "2018-06-14"), ("Text", "越权报送")]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("不属于本处室", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_app.Service<ProgressLog>().Of(_seed.Near.Id), e => e.Text == "越权报送");
    }

    [Fact]
    public async Task Marking_a_milestone_done_asks_for_evidence_and_evidence_to_follow_stays_visible_until_supplied()
    {
        var clerk = await SupervisionSeed.SignedIn(_app, "clerk");
        var task = _seed.Near;
        var milestone = task.Milestones[0];
        var url = $"/Tasks/{task.Code}/Milestones/{milestone.Id}";
        var taskPage = await clerk.GetDocumentAsync($"/Tasks/{task.Code}");
        Assert.Equal(url, taskPage.QuerySelectorAll("a").First(a => a.TextContent.Trim() == "标记完成").GetAttribute("href"));

        var nothing = await SupervisionSeed.PostMultipart(clerk, url, url, []);
        Assert.Contains("佐证材料后补", BrowserLikeClient.Parse(await nothing.Content.ReadAsStringAsync()).QuerySelector(".errors")!.TextContent);
        Assert.False(_app.Service<TaskRegistry>().Find(task.Code)!.Milestones[0].Done);

        var toFollow = await SupervisionSeed.PostMultipart(clerk, url, url, [("toFollow", "true")]);
        var flagged = BrowserLikeClient.Parse(await toFollow.Content.ReadAsStringAsync());
        Assert.Contains("佐证材料后补", flagged.QuerySelector(".milestones")!.TextContent);

        var supplied = await SupervisionSeed.PostMultipart(clerk, url, url, [], ("files", "台账初稿.txt", "重点任务台账初稿"));
        var proven = BrowserLikeClient.Parse(await supplied.Content.ReadAsStringAsync());
        Assert.DoesNotContain("佐证材料后补", proven.QuerySelector(".milestones")!.TextContent);
        var stored = _app.Service<TaskRegistry>().Find(task.Code)!.Milestones[0];
        Assert.True(stored is { Done: true, EvidenceToFollow: false });
        Assert.Equal("台账初稿.txt", _app.Service<DossierService>().Find(Assert.Single(stored.EvidenceIds))!.OriginalFileName);
    }

    [Fact]
    public async Task The_office_issues_an_order_the_department_answers_it_and_it_prints_as_docx()
    {
        var supervisor = await SupervisionSeed.SignedIn(_app, "supervisor");
        var issued = await supervisor.PostFormAsync($"/Supervision?task={_seed.Overdue.Code}",
        [
            new("Issue.TaskCode", _seed.Overdue.Code), new("Issue.What", "说明实施方案逾期原因，提出整改措施"), new("Issue.Due", "2018-06-20"),
            new("Issue.HowToReply", "在系统中回复并上传整改方案"), new("Issue.SourceDocument", "津教委〔2018〕12号"),
        ], "/Supervision?handler=Issue");
        var orderUrl = issued.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/Supervision/\d+$", orderUrl);
        var orderPage = BrowserLikeClient.Parse(await issued.Content.ReadAsStringAsync());
        Assert.Contains("已下达办公室", orderPage.QuerySelector(".notice")!.TextContent);
        Assert.Contains("待回复", orderPage.QuerySelector(".status-line")!.TextContent);

        var clerk = await SupervisionSeed.SignedIn(_app, "clerk");
        Assert.Contains("说明实施方案逾期原因", (await clerk.GetDocumentAsync("/")).QuerySelector(".reminders-home")!.TextContent);
        var replied = await SupervisionSeed.PostMultipart(clerk, orderUrl, orderUrl + "?handler=Reply",
            [("Date", "2018-06-15"), ("Text", "逾期原因已查明，整改方案已报委领导"), ("NextSteps", "6月20日前印发")],
            ("files", "整改方案.txt", "实施方案整改方案"));
        var answered = BrowserLikeClient.Parse(await replied.Content.ReadAsStringAsync());
        Assert.Contains("已回复", answered.QuerySelector(".status-line")!.TextContent);
        Assert.Contains("逾期原因已查明", answered.QuerySelector(".reply")!.TextContent);
        Assert.Contains("回复督办单", (await clerk.GetDocumentAsync($"/Tasks/{_seed.Overdue.Code}")).QuerySelector(".progress-log")!.TextContent);
        Assert.Contains(orderUrl.Split('/')[^1], (await supervisor.GetDocumentAsync("/Supervision?state=Answered")).QuerySelector("table.orders")!.InnerHtml);

        var docx = await clerk.GetAsync(orderUrl + "?handler=Docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("督办单", document.MainDocumentPart!.Document.Body!.InnerText);
        Assert.Contains("津教委〔2018〕12号", document.MainDocumentPart.Document.Body.InnerText);
    }

    [Fact]
    public async Task A_department_user_cannot_issue_an_order()
    {
        var clerk = await SupervisionSeed.SignedIn(_app, "clerk");
        var page = await clerk.GetDocumentAsync("/Supervision");
        Assert.Null(page.QuerySelector("form.issue-form"));
        var before = _app.Service<SupervisionService>().List().Count;

        var response = await clerk.PostAsync("/Supervision?handler=Issue", new FormUrlEncodedContent(
        [
            new("Issue.TaskCode", _seed.Near.Code), new("Issue.What", "自己督办自己"), new("Issue.Due", "2018-06-30"),
            new("__RequestVerificationToken", page.AntiforgeryToken()),
        ]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权督查督办", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, _app.Service<SupervisionService>().List().Count);
    }

    [Fact]
    public async Task The_office_withdraws_an_order_with_a_reason_and_the_ordered_department_cannot()
    {
        var order = _app.Service<SupervisionService>().Issue(new SupervisionOrderDraft
            { TaskCode = _seed.Overdue.Code, What = "报送整改台账", Due = new DateOnly(2018, 6, 28) },
            new Core.Accounts.Actor("督查科李明", Core.Accounts.UserRole.OfficeSupervisor));
        var url = $"/Supervision/{order.Id}";
        var clerk = await SupervisionSeed.SignedIn(_app, "clerk");
        var clerkPage = await clerk.GetDocumentAsync(url);
        Assert.Null(clerkPage.QuerySelector("form[action*=Withdraw]"));
        Assert.NotNull(clerkPage.QuerySelector("form[action*=Reply]"));

        var forged = await clerk.PostAsync(url + "?handler=Withdraw", new FormUrlEncodedContent(
            [new("reason", "不想办"), new("__RequestVerificationToken", clerkPage.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True(_app.Service<SupervisionService>().Find(order.Id)!.IsOutstanding);

        var supervisor = await SupervisionSeed.SignedIn(_app, "supervisor");
        var empty = BrowserLikeClient.Parse(await (await supervisor.PostFormAsync(url, [new("reason", " ")],
            url + "?handler=Withdraw")).Content.ReadAsStringAsync());
        Assert.Contains("请填写撤回理由", empty.QuerySelector("[role=alert]")!.TextContent);
        var withdrawn = await supervisor.PostFormAsync(url, [new("reason", "已并入督办〔2018〕1号")], url + "?handler=Withdraw");

        var page = BrowserLikeClient.Parse(await withdrawn.Content.ReadAsStringAsync());
        Assert.Contains("已撤回", page.QuerySelector(".status-line")!.TextContent);
        Assert.Contains("已并入督办〔2018〕1号", page.QuerySelector("dl.order")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*=Reply]"));
        Assert.Null((await clerk.GetDocumentAsync(url)).QuerySelector("form[action*=Reply]"));
        Assert.DoesNotContain("报送整改台账", (await clerk.GetDocumentAsync("/")).QuerySelector(".reminders-home")?.TextContent ?? "");
    }
}
