using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Core.Tests.OfficialDocuments;

/// <summary>
/// 发文办理: 拟稿 → 送核稿 → 核稿 (office) → 签发 (a leader on their own account) → 编号印发. Nothing takes a number
/// before 签发; each step is kept with who and when, on the stored record (both engines) and in the audit trail.
/// </summary>
public sealed class SigningTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 6, 28));
    private readonly Actor _office = new("督查科王", UserRole.OfficeSupervisor, Account: "wang");
    private readonly Actor _leader = new("李副主任", UserRole.Leader, Account: "li");

    public void Dispose() => _storage.Dispose();

    private OfficialDocument Draft() => _storage.Documents.StartFromTemplate(DocumentGenre.Notice, [], _office);

    [Fact]
    public async Task A_draft_takes_no_number_until_a_leader_has_signed_it_off_and_each_step_is_kept()
    {
        var draft = Draft();
        async Task Refused()
        {
            Assert.Equal(DocumentSigning.NotSignedOff,
                (await Assert.ThrowsAsync<DomainRuleException>(() => _storage.Documents.IssueAsync(draft.Id, _office))).Message);
            Assert.Equal(DocumentSigning.NotSignedOff, Assert.Throws<DomainRuleException>(
                () => _storage.Numbers.Next("津教委", 2018, draft.Id, _office)).Message);
            Assert.Equal(DocumentSigning.NotSignedOff, Assert.Throws<DomainRuleException>(
                () => _storage.Numbers.Claim(new DocumentNumber("津教委", 2018, 9), draft.Id, _office)).Message);
            Assert.Empty(_storage.Numbers.List());
            Assert.False(_storage.Documents.Find(draft.Id)!.IsIssued);
        }

        await Refused();
        // Out of order, or by the wrong role: refused with the reason, nothing recorded.
        Assert.Contains("当前为“拟稿”，不能核稿", Assert.Throws<DomainRuleException>(() => _storage.Signing.Review(draft.Id, "", _office)).Message);
        Assert.Throws<AccessDeniedException>(() => _storage.Signing.Submit(draft.Id, _leader));
        _storage.Signing.Submit(draft.Id, _office);
        await Refused();
        Assert.Throws<AccessDeniedException>(() => _storage.Signing.Review(draft.Id, "", _leader));
        _storage.Clock.MoveTo(new DateOnly(2018, 6, 29));
        _storage.Signing.Review(draft.Id, "文字已核", _office);
        await Refused();
        Assert.Contains("签发公文", Assert.Throws<AccessDeniedException>(() => _storage.Signing.SignOff(draft.Id, "同意", _office)).Message);
        Assert.Contains("签发意见", Assert.Throws<DomainRuleException>(() => _storage.Signing.SignOff(draft.Id, " ", _leader)).Message);
        Assert.Equal(DocumentStage.AwaitingSignOff, _storage.Documents.Find(draft.Id)!.Stage());
        _storage.Clock.MoveTo(new DateOnly(2018, 7, 2));
        _storage.Signing.SignOff(draft.Id, "同意印发。", _leader);

        var issued = await _storage.Documents.IssueAsync(draft.Id, _office);
        Assert.Equal("津教委〔2018〕1号", issued.Number);
        Assert.Equal(DocumentStage.Issued, issued.Stage());

        // Kept on the record (after the store is closed and opened again) and in the audit trail.
        _storage.Reopen();
        var stored = _storage.Documents.Find(draft.Id)!;
        Assert.Equal([("送核稿", "督查科王", "wang", "", 6, 28), ("核稿", "督查科王", "wang", "文字已核", 6, 29), ("签发", "李副主任", "li", "同意印发。", 7, 2)],
            stored.Steps.Select(s => (ChineseLabels.Of(s.Kind), s.By, s.Account, s.Opinion, s.At.ToLocalTime().Month, s.At.ToLocalTime().Day)));
        var audit = _storage.Audit.Find().Select(e => e.Action).ToList();
        Assert.Contains("document.submitted", audit);
        Assert.Contains("document.reviewed", audit);
        Assert.Contains("document.signed", audit);
        Assert.Contains("number.refused", audit);
    }

    [Fact]
    public async Task A_user_with_both_rights_takes_every_step_each_recorded_and_an_edit_after_sign_off_needs_review_again()
    {
        var admin = new Actor("办公室张三", UserRole.Admin, Account: "zhang");
        var draft = Draft();
        _storage.Signing.Submit(draft.Id, admin);
        _storage.Signing.Review(draft.Id, "", admin);
        _storage.Signing.SignOff(draft.Id, "同意。", admin);
        Assert.Equal(3, _storage.Documents.Find(draft.Id)!.Steps.Count(s => s.By == "办公室张三"));

        // The text changed after 签发: what was signed is not what would go out, so 核稿 and 签发 are asked again.
        var spec = OfficialDocumentService.Spec(draft);
        var edited = _storage.Documents.UpdateDraft(draft.Id, spec with { Title = "关于改过标题的通知" }, null, _office);
        Assert.Equal(DocumentStage.AwaitingReview, edited.Stage());
        Assert.Equal(DocumentSigning.NotSignedOff,
            (await Assert.ThrowsAsync<DomainRuleException>(() => _storage.Documents.IssueAsync(draft.Id, _office))).Message);
        Assert.Empty(_storage.Numbers.List());
    }

    [Fact]
    public async Task The_drafting_sheet_shows_who_drafted_reviewed_and_signed_and_the_number()
    {
        var draft = Draft();
        _storage.Signing.Submit(draft.Id, _office);
        _storage.Signing.Review(draft.Id, "", _office);
        _storage.Signing.SignOff(draft.Id, "同意印发。", _leader);
        var issued = await _storage.Documents.IssueAsync(draft.Id, _office);

        using var buffer = new MemoryStream();
        DraftingSheet.Write(buffer, issued, "天津市教育委员会", ["RW-2018-001"]);
        buffer.Position = 0;
        using var docx = WordprocessingDocument.Open(buffer, false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(docx));
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("天津市教育委员会发文稿纸", text);
        Assert.Contains("签发人：李副主任　2018年6月28日", text);
        Assert.Contains("同意印发。", text);
        Assert.Contains("核稿人：督查科王", text);
        Assert.Contains("拟稿人：督查科王", text);
        Assert.Contains("津教委〔2018〕1号", text);
        Assert.Contains(issued.Title, text);
        Assert.Equal("发文稿纸-津教委〔2018〕1号.docx", DraftingSheet.FileName(issued));
    }

    [Fact]
    public void A_document_issued_before_the_steps_were_kept_stays_readable_with_its_sheet_blank_where_no_step_is_known()
    {
        var draft = Draft();
        var old = _storage.Documents.Find(draft.Id)!;
        old.IsIssued = true;
        old.Number = "津教委〔2017〕5号";
        old.IssuedBy = "旧系统";
        _storage.Store.Documents.Update(old);
        _storage.Reopen();

        var read = _storage.Documents.Find(draft.Id, _leader)!;
        Assert.Empty(read.Steps);
        Assert.Equal(DocumentStage.Issued, read.Stage());
        var fields = DraftingSheet.Fields(read, []).ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal(("", "", "津教委〔2017〕5号"), (fields["签发"], fields["核稿"], fields["文号"]));
    }
}
