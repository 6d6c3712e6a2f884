using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

/// <summary>
/// A submitted 自查自评表 keeps its DOCX and XLSX as submitted; the office can return it for correction with a reason
/// (audited), the department sees the reason, corrects and submits again.
/// </summary>
public sealed class SelfCheckReturnTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 6, 28));
    private readonly KeyTask _ledger;

    public SelfCheckReturnTests() =>
        _ledger = _world.Task("建立重点任务台账", _world.Office, new DateOnly(2018, 12, 31));

    private SelfCheck Submit(string progress) => _world.SelfChecks.Submit(_world.Office.Id, 2018, 6,
        [new SelfCheckRowInput(_ledger.Id, progress, null, null, SelfRating.Good)], "总体按计划推进", _world.OfficeClerk);

    private static byte[] Bytes(Action<SelfCheck, Stream> write, SelfCheck form)
    {
        var output = new MemoryStream();
        write(form, output);
        return output.ToArray();
    }

    [Fact]
    public void The_files_of_a_submitted_form_are_kept_and_served_byte_for_byte()
    {
        var form = Submit("台账初稿形成");
        Assert.NotEqual("", form.DocxSha256);

        var first = Bytes(_world.SelfChecks.WriteDocx, form);
        var again = Bytes(_world.SelfChecks.WriteDocx, _world.SelfChecks.Find(_world.Office.Id, 2018, 6)!);

        Assert.Equal(first, again);
        Assert.Equal(_world.Kept.Read(form.DocxSha256), first);
        Assert.Equal(_world.Kept.Read(form.XlsxSha256), Bytes(_world.SelfChecks.WriteXlsx, form));
        Assert.Contains("台账初稿形成", SupervisionWorld.ValidDocxText(new MemoryStream(first)));
    }

    [Fact]
    public void The_office_returns_a_submitted_form_with_a_reason_and_the_department_corrects_and_resubmits()
    {
        var submitted = Submit("台账初稿形成");
        var firstDocx = submitted.DocxSha256;

        Assert.Throws<AccessDeniedException>(() => _world.SelfChecks.Return(_world.Office.Id, 2018, 6, "请补充",
            _world.OfficeClerk));
        var noReason = Assert.Throws<DomainRuleException>(() => _world.SelfChecks.Return(_world.Office.Id, 2018, 6,
            " ", _world.Supervisor));
        Assert.Equal("请填写退回原因。", noReason.Message);
        Assert.NotNull(_world.SelfChecks.Find(_world.Office.Id, 2018, 6)!.SubmittedAt);

        _world.SelfChecks.Return(_world.Office.Id, 2018, 6, "进展情况过简，请写明完成的具体工作", _world.Supervisor);

        var returned = _world.SelfChecks.Prepare(_world.Office.Id, 2018, 6, _world.OfficeClerk);
        Assert.True(returned.IsReturned);
        Assert.Equal(("进展情况过简，请写明完成的具体工作", "督查科李明"), (returned.ReturnReason, returned.ReturnedBy));
        Assert.Contains(_world.Storage.Audit.Find(action: "selfcheck.returned"),
            e => e.Who == "督查科李明" && e.Details == "进展情况过简，请写明完成的具体工作");
        var twice = Assert.Throws<DomainRuleException>(() => _world.SelfChecks.Return(_world.Office.Id, 2018, 6, "再退",
            _world.Supervisor));
        Assert.Contains("尚未提交", twice.Message);

        var resubmitted = Submit("6月5日形成台账初稿，6月20日征求各处室意见");

        Assert.False(resubmitted.IsReturned);
        Assert.NotEqual(firstDocx, resubmitted.DocxSha256);
        var docx = Bytes(_world.SelfChecks.WriteDocx, resubmitted);
        Assert.Contains("征求各处室意见", SupervisionWorld.ValidDocxText(new MemoryStream(docx)));
        Assert.Throws<DomainRuleException>(() => _world.SelfChecks.Save(_world.Office.Id, 2018, 6, [], "改",
            _world.OfficeClerk));
    }

    public void Dispose() => _world.Dispose();
}
