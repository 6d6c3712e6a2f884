using System.Net;
using System.Security.Cryptography;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Web.Tests.Pages.Supervision;

/// <summary>
/// The pages of 对账 as a kept record: the office closes a month from the reconciliation page, the record lists its
/// frozen rows with the kept XLSX, a department answers its own rows only; and a self-check returned for correction.
/// </summary>
public class ClosedReconciliationPagesTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;
    private readonly SupervisionSeed _seed;

    public ClosedReconciliationPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _seed = new SupervisionSeed(app);
    }

    private ReconciliationRecords Records => _app.Service<ReconciliationRecords>();

    /// <summary>April closed by the office (once per app), for the tests about answering.</summary>
    private ClosedReconciliation April() =>
        Records.List().FirstOrDefault(r => r.Key == "2018-04")
        ?? Records.Close(ReportingPeriod.OfMonth(2018, 4), new DateOnly(2018, 6, 22),
            new Actor("督查科李明", UserRole.OfficeSupervisor));

    [Fact]
    public async Task The_office_closes_a_month_on_the_reconciliation_page_and_a_second_closing_is_refused_in_chinese()
    {
        var office = await SupervisionSeed.SignedIn(_app, "supervisor");
        var page = "/Reconciliation?year=2018&month=5";
        var fields = new KeyValuePair<string, string>[]
            { new("year", "2018"), new("month", "5"), new("answerDue", "2018-06-25") };

        var closed = await office.PostFormAsync(page, fields, "/Reconciliation?handler=Close");

        var record = BrowserLikeClient.Parse(await closed.Content.ReadAsStringAsync());
        Assert.Contains("对账记录：2018年5月", record.QuerySelector("h1")!.TextContent);
        Assert.Contains("2018-06-25", record.QuerySelector(".answer-due")!.TextContent);
        Assert.Equal(4, record.QuerySelectorAll("table.closed tbody tr").Length);
        var may = Records.List().Single(r => r.Key == "2018-05");
        var xlsx = await office.GetByteArrayAsync($"/Reconciliation/Closed/{may.Id}?handler=Xlsx");
        Assert.Equal(may.XlsxSha256, Convert.ToHexStringLower(SHA256.HashData(xlsx)));

        var again = await office.PostFormAsync(page, fields, "/Reconciliation?handler=Close");
        var refused = BrowserLikeClient.Parse(await again.Content.ReadAsStringAsync());
        Assert.Contains("2018年5月的对账已于", refused.QuerySelector(".errors")!.TextContent);
        Assert.Contains("不能重复关闭", refused.QuerySelector(".errors")!.TextContent);
        Assert.Single(Records.List(), r => r.Key == "2018-05");
        var list = await office.GetDocumentAsync("/Reconciliation/Closed");
        Assert.Contains(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Reconciliation/Closed/{may.Id}");
    }

    [Fact]
    public async Task A_department_answers_only_its_own_rows_and_a_forged_answer_for_another_is_403_and_audited()
    {
        var april = April();
        var clerk = await SupervisionSeed.SignedIn(_app, "basicclerk");
        var url = $"/Reconciliation/Closed/{april.Id}";

        var page = await clerk.GetDocumentAsync(url);
        var rows = page.QuerySelectorAll("table.closed tbody tr").ToList();
        Assert.Equal([_seed.OnTrack.Code], rows.Select(r => r.QuerySelector("a")!.TextContent));
        Assert.Null(page.QuerySelector($"a[href='{url}?handler=Xlsx']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(url + "?handler=Xlsx")).StatusCode);

        var forged = await clerk.PostFormAsync(url,
            [new("taskId", _seed.Near.Id.ToString()), new("confirm", "false"), new("text", "替办公室答复")],
                url + "?handler=Answer");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains(_app.Service<AuditLog>().Find(action: "access.denied"),
            e => e.Who == "基教处卫芳" && e.Details.Contains(_seed.Near.Code));

        var noToken = await clerk.PostAsync(url + "?handler=Answer", new FormUrlEncodedContent(
            [new("taskId", _seed.OnTrack.Id.ToString()), new("confirm", "false"), new("text", "无令牌")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.All(Records.Find(april.Id)!.Rows, r => Assert.Null(r.Answer));

        var answered = await clerk.PostFormAsync(url,
            [new("taskId", _seed.OnTrack.Id.ToString()), new("confirm", "false"), new("text", "调研方案5月报批")],
                url + "?handler=Answer");
        var shown = BrowserLikeClient.Parse(await answered.Content.ReadAsStringAsync());
        Assert.Contains("调研方案5月报批", shown.QuerySelector("td.answer")!.TextContent);
        Assert.Equal("调研方案5月报批", Records.Find(april.Id)!.Rows.Single(r => r.TaskId == _seed.OnTrack.Id).AnswerText);
        var audit = await (await SupervisionSeed.SignedIn(_app, LuoshiWebFactory.AdminName)).GetDocumentAsync("/Audit");
        Assert.Contains("说明对账问题", audit.Body!.TextContent);
    }

    [Fact]
    public async Task The_office_returns_a_submitted_self_check_with_a_reason_the_department_sees_it_and_resubmits()
    {
        var checks = _app.Service<SelfCheckService>();
        var clerk = new Actor("基教处卫芳", UserRole.DepartmentUser, _seed.Basic.Id);
        var form = checks.Prepare(_seed.Basic.Id, 2018, 3);
        checks.Submit(_seed.Basic.Id, 2018, 3,
            form.Rows.Select(r => new SelfCheckRowInput(r.TaskId, "按计划推进", null, null, SelfRating.Good)).ToList(),
            "", clerk);
        var url = $"/SelfChecks/{_seed.Basic.Id}/2018/3";
        var office = await SupervisionSeed.SignedIn(_app, "supervisor");

        var empty = await office.PostFormAsync(url, [new("reason", "")], url + "?handler=Return");
        Assert.Contains("请填写退回原因", await empty.Content.ReadAsStringAsync());
        var returned = await office.PostFormAsync(url, [new("reason", "进展情况过简，请补充具体工作")], url + "?handler=Return");
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        var department = await SupervisionSeed.SignedIn(_app, "basicclerk");
        var page = await department.GetDocumentAsync(url);
        Assert.Contains("进展情况过简，请补充具体工作", page.QuerySelector(".returned")!.TextContent);
        Assert.NotNull(page.QuerySelector("form.self-check-form"));
        Assert.Null(page.QuerySelector("form.return-form"));
        var forged = await department.PostFormAsync(url, [new("reason", "处室自己退回")], url + "?handler=Return");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        var fields = page.QuerySelectorAll("table.self-check tbody tr").SelectMany((r, i) =>
            new KeyValuePair<string, string>[]
        {
            new($"Rows[{i}].TaskId", r.QuerySelector("input[type=hidden]")!.GetAttribute("value")!),
            new($"Rows[{i}].Progress", "3月完成调研方案并报批"), new($"Rows[{i}].Rating", "Good"),
        }).ToList();
        await department.PostFormAsync(url, fields, url + "?handler=Submit");
        var resubmitted = checks.Find(_seed.Basic.Id, 2018, 3)!;
        Assert.NotNull(resubmitted.SubmittedAt);
        Assert.Equal("3月完成调研方案并报批", resubmitted.Rows[0].Progress);
        Assert.Contains(_app.Service<AuditLog>().Find(action: "selfcheck.returned"),
            e => e.Details == "进展情况过简，请补充具体工作");
    }
}
