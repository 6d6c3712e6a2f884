using System.Net;
using DocumentFormat.OpenXml.Packaging;
using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Web.Tests.Pages.Supervision;

/// <summary>The reporting chain's pages: monthly self-checks, reconciliation, the quarterly leader report.</summary>
public class ReportingPagesTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;
    private readonly SupervisionSeed _seed;

    public ReportingPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _seed = new SupervisionSeed(app);
    }

    [Fact]
    public async Task A_department_fills_saves_and_submits_its_self_check_which_is_then_locked()
    {
        var clerk = await SupervisionSeed.SignedIn(_app, "clerk");
        await _app.Service<ProgressLog>().AddAsync(_seed.Near.Code,
            new ProgressDraft { Date = new DateOnly(2018, 5, 20), Text = "台账框架已确定", NextSteps = "6月形成初稿" }, [], Core.Accounts.Actor.Console());
        var url = $"/SelfChecks/{_seed.Office.Id}/2018/5";
        var overview = await clerk.GetDocumentAsync("/SelfChecks");
        Assert.Contains("2018年5月", overview.QuerySelector("h1")!.TextContent); // the month just ended
        Assert.Contains(overview.QuerySelectorAll("a"), a => a.GetAttribute("href") == url && a.TextContent == "填报");

        var form = await clerk.GetDocumentAsync(url);
        var rows = form.QuerySelectorAll("table.self-check tbody tr").ToList();
        Assert.Equal(3, rows.Count); // the office's three tasks
        var near = rows.Single(r => r.TextContent.Contains(_seed.Near.Code));
        Assert.Equal("5月20日：台账框架已确定", near.QuerySelector("textarea[name$='.Progress']")!.TextContent);
        Assert.Equal("6月形成初稿", near.QuerySelector("textarea[name$='.NextSteps']")!.TextContent);

        var fields = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < rows.Count; i++)
        {
            fields.Add(new($"Rows[{i}].TaskId", rows[i].QuerySelector("input[type=hidden]")!.GetAttribute("value")!));
            fields.Add(new($"Rows[{i}].Progress", i == 0 ? "" : "按计划推进"));
            fields.Add(new($"Rows[{i}].Rating", "Good"));
        }
        var refused = await clerk.PostFormAsync(url, fields, url + "?handler=Submit");
        Assert.Contains("尚未填写进展情况或自评等次", (await refused.Content.ReadAsStringAsync()));

        fields[1] = new("Rows[0].Progress", "已完成");
        var submitted = await clerk.PostFormAsync(url, [.. fields, new("Summary", "五月总体按计划推进")], url + "?handler=Submit");
        var locked = BrowserLikeClient.Parse(await submitted.Content.ReadAsStringAsync());
        Assert.Contains("已锁定保存", locked.QuerySelector(".locked")!.TextContent);
        Assert.Null(locked.QuerySelector("form.self-check-form"));

        var again = await clerk.PostFormAsync("/SelfChecks", fields, url + "?handler=Save");
        Assert.Contains("已锁定，不能修改", await again.Content.ReadAsStringAsync());
        Assert.Equal("已完成", _app.Service<SelfCheckService>().Find(_seed.Office.Id, 2018, 5)!.Rows[0].Progress);

        var docx = await clerk.GetAsync(url + "?handler=Docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("五月总体按计划推进", document.MainDocumentPart!.Document.Body!.InnerText);
        var xlsx = await clerk.GetAsync(url + "?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_department_user_sees_another_departments_form_read_only_and_cannot_post_it()
    {
        var clerk = await SupervisionSeed.SignedIn(_app, "basicclerk");
        var url = $"/SelfChecks/{_seed.Office.Id}/2018/4";
        var page = await clerk.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("form.self-check-form"));

        var response = await clerk.PostFormAsync(url, [new("Rows[0].TaskId", _seed.Near.Id.ToString()), new("Rows[0].Rating", "Poor")], url + "?handler=Save");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(_app.Service<SelfCheckService>().Find(_seed.Office.Id, 2018, 4));
    }

    [Fact]
    public async Task Reconciliation_flags_the_month_for_the_office_and_is_refused_to_a_department()
    {
        var supervisor = await SupervisionSeed.SignedIn(_app, "supervisor");

        var page = await supervisor.GetDocumentAsync("/Reconciliation?year=2018&month=6");

        Assert.Contains("2018年6月", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("尚未结束", page.QuerySelector("p.hint")!.TextContent);
        var rows = page.QuerySelectorAll("table.reconciliation tbody tr").ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("本期无进展", rows.Single(r => r.TextContent.Contains(_seed.OnTrack.Code)).TextContent);
        Assert.DoesNotContain("本期无进展", rows.Single(r => r.TextContent.Contains(_seed.Done.Code)).TextContent);
        var noProgress = page.QuerySelectorAll(".flags-summary a").First(a => a.GetAttribute("href")!.Contains("flag=NoProgress"));
        var filtered = await supervisor.GetDocumentAsync(noProgress.GetAttribute("href")!);
        Assert.Equal(noProgress.TextContent.Trim(), filtered.QuerySelectorAll("table.reconciliation tbody tr").Length.ToString());
        var xlsx = await supervisor.GetAsync("/Reconciliation?year=2018&quarter=2&handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        var clerk = await SupervisionSeed.SignedIn(_app, "clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/Reconciliation")).StatusCode);
    }

    [Fact]
    public async Task The_leader_edits_and_saves_the_quarterly_report_and_downloads_it()
    {
        var leader = await SupervisionSeed.SignedIn(_app, "leaderli");
        var url = $"/Reports/Leader?leader={_seed.Li.Id}&year=2018&quarter=2";
        var page = await leader.GetDocumentAsync(url);
        Assert.Contains("关于2018年第二季度分管重点任务落实情况的报告", page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.Contains("本季度分管重点任务2项", page.QuerySelector("textarea[name=progress]")!.TextContent);
        Assert.Contains(_seed.OnTrack.Code, page.QuerySelector("#h-rollup")!.ParentElement!.TextContent);

        var saved = await leader.PostFormAsync(url,
        [
            new("leader", _seed.Li.Id.ToString()), new("year", "2018"), new("quarter", "2"), new("title", "关于第二季度分管工作的报告"),
            new("progress", "台账建设按计划推进。"), new("problems", "调研进度偏慢。"), new("proposals", "三季度完成调研。"),
        ], "/Reports/Leader");
        var after = BrowserLikeClient.Parse(await saved.Content.ReadAsStringAsync());
        Assert.Contains("已保存", after.QuerySelector(".status-line")!.TextContent);
        Assert.Equal("调研进度偏慢。", after.QuerySelector("textarea[name=problems]")!.TextContent);

        var docx = await leader.GetAsync(url + "&handler=Docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("关于第二季度分管工作的报告", text);
        Assert.Contains("三季度完成调研。", text);

        var clerk = await SupervisionSeed.SignedIn(_app, "clerk");
        var read = await clerk.GetDocumentAsync(url);
        Assert.Null(read.QuerySelector("form.leader-report"));
        Assert.Contains("调研进度偏慢。", read.QuerySelector("article.leader-report")!.TextContent);
        var refused = await clerk.PostFormAsync(url, [new("leader", _seed.Li.Id.ToString()), new("year", "2018"), new("quarter", "2"), new("title", "x")], "/Reports/Leader");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_leader_posting_another_leaders_quarterly_report_by_hand_is_refused_and_recorded()
    {
        var li = await SupervisionSeed.SignedIn(_app, "leaderli");
        var url = $"/Reports/Leader?leader={_seed.Li.Id}&year=2018&quarter=3";
        List<KeyValuePair<string, string>> Report(string title) =>
        [
            new("leader", _seed.Li.Id.ToString()), new("year", "2018"), new("quarter", "3"), new("title", title),
            new("progress", "进展。"), new("problems", ""), new("proposals", ""),
        ];
        var saved = await li.PostFormAsync(url, Report("李红梅的三季度报告"), "/Reports/Leader");
        Assert.Contains("已保存", BrowserLikeClient.Parse(await saved.Content.ReadAsStringAsync()).QuerySelector(".status-line")!.TextContent);

        // 王建国's account takes the form of its own report and posts it with 李红梅's id.
        var wang = await SupervisionSeed.SignedIn(_app, "leader");
        var refused = await wang.PostFormAsync($"/Reports/Leader?leader={_seed.Wang.Id}&year=2018&quarter=3",
            Report("被改写的报告"), "/Reports/Leader");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("您只能查看和编写本人的季度报告：这是李红梅的季度报告。", await refused.Content.ReadAsStringAsync());
        var report = _app.Service<LeaderReportService>().Current(_seed.Li.Id, 2018, 3);
        Assert.Equal(("李红梅的三季度报告", "委领导李红梅"), (report.Title, report.SavedBy));
        Assert.Contains(_app.Service<Core.Audit.AuditLog>().Find(action: "access.denied"),
            e => e.Who == "委领导王建国" && e.Subject == "季度报告 李红梅 2018年第3季度");

        // His own report opens by default with its form; hers he may not even open.
        var own = await wang.GetDocumentAsync("/Reports/Leader?year=2018&quarter=3");
        Assert.Equal(_seed.Wang.Id.ToString(), own.QuerySelector("form.leader-report input[name=leader]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Forbidden, (await wang.GetAsync(url)).StatusCode);
    }
}
