using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// 发文办理 before the number: 拟稿 (the draft) → 送核稿 → 核稿 (the office) → 签发 (a leader on their own account).
/// Each step is kept on the document with who and when, and audited; a user holding both rights may take several
/// steps, each still recorded. Only a signed-off draft takes a 发文字号 (<see cref="DemandSignedOff"/>, which the
/// number register and issuing call).
/// </summary>
public sealed class DocumentSigning(IDocumentStore store, TimeProvider clock, Audit.AuditLog audit)
{
    /// <summary>What numbering or issuing a draft that is not signed off is told.</summary>
    public const string NotSignedOff = "该公文尚未签发，不能取号印发：须经核稿并由委领导签发（已签发）后方可编号印发。";

    /// <summary>送核稿: the draft goes to the office for review.</summary>
    public OfficialDocument Submit(int id, Actor actor) =>
        Record(id, DocumentStepKind.Submitted, DocumentStage.Drafting, Permission.IssueDocuments, "", actor);

    /// <summary>核稿: the office has checked the draft submitted for review.</summary>
    public OfficialDocument Review(int id, string opinion, Actor actor) =>
        Record(id, DocumentStepKind.Reviewed, DocumentStage.AwaitingReview, Permission.IssueDocuments, opinion, actor);

    /// <summary>签发: a leader signs the reviewed draft off with their opinion (e.g. 同意印发).</summary>
    public OfficialDocument SignOff(int id, string opinion, Actor actor)
    {
        if (string.IsNullOrWhiteSpace(opinion)) throw new DomainRuleException("请填写签发意见（如“同意印发”）。");
        return Record(id, DocumentStepKind.SignedOff, DocumentStage.AwaitingSignOff, Permission.SignDocuments, opinion, actor);
    }

    /// <summary>Refuses (and audits the refusal) unless <paramref name="document"/> is signed off or issued.</summary>
    public static void DemandSignedOff(OfficialDocument? document, Actor actor, Audit.AuditLog audit)
    {
        if (document is null || document.Stage() is DocumentStage.SignedOff or DocumentStage.Issued) return;
        audit.Record(actor.Name, "number.refused", $"公文 {document.Id}", $"{ChineseLabels.Of(document.Stage())}：{NotSignedOff}");
        throw new DomainRuleException(NotSignedOff);
    }

    /// <summary>
    /// An edit after 核稿 changes what the office checked and the leader signed: those steps are dropped (the audit
    /// keeps them) and the draft goes back to 待核稿.
    /// </summary>
    internal static bool DropReviewAfterEdit(OfficialDocument document, Actor actor, Audit.AuditLog audit)
    {
        if (document.Stage() is not (DocumentStage.AwaitingSignOff or DocumentStage.SignedOff)) return false;
        document.Steps.RemoveAll(s => s.Kind is DocumentStepKind.Reviewed or DocumentStepKind.SignedOff);
        audit.Record(actor.Name, "document.stepsreset", $"公文 {document.Id}", "草稿修改后须重新核稿、签发");
        return true;
    }

    private OfficialDocument Record(int id, DocumentStepKind kind, DocumentStage from, Permission permission, string opinion,
        Actor actor)
    {
        Access.Demand(actor, permission, audit);
        var document = store.Documents.FindById(id) ?? throw new DomainRuleException("该公文不存在。");
        var stage = document.Stage();
        if (stage != from)
            throw new DomainRuleException(
                $"该公文当前为“{ChineseLabels.Of(stage)}”，不能{ChineseLabels.Of(kind)}（应在“{ChineseLabels.Of(from)}”时办理）。");
        var text = opinion.Trim();
        if (text.Length > 500) throw new DomainRuleException("意见不能超过500字。");
        document.Steps.Add(new DocumentStep
        {
            Kind = kind, By = actor.Name, Account = actor.Account, At = clock.GetUtcNow().UtcDateTime, Opinion = text,
        });
        store.Documents.Update(document);
        var action = kind switch
        {
            DocumentStepKind.Submitted => "document.submitted",
            DocumentStepKind.Reviewed => "document.reviewed",
            _ => "document.signed",
        };
        audit.Record(actor.Name, action, $"公文 {document.Id}", text.Length > 0 ? $"{document.Title}；意见：{text}" : document.Title);
        return document;
    }
}
