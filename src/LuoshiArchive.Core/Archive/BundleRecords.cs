using System.Text.Json;
using System.Text.Json.Nodes;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// The year's records beside the dossiers in an annual bundle: the issued documents register and 发文字号 book, each
/// task's progress and supervision orders, and the audit extract (with its hash chain, so it can be checked).
/// Written by <see cref="AnnualBundle"/>, read back by <see cref="BundleImport"/>.
/// </summary>
public sealed class BundleRecords(IArchiveStore store, OrganisationDirectory directory)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private string Sha(int? evidenceId) => evidenceId is { } id ? store.Evidence.FindById(id)?.Sha256 ?? "" : "";

    private string Code(int taskId) => store.Tasks.FindById(taskId)?.Code ?? "";

    /// <summary>The documents of the year (by 成文日期) and the numbers of the year, voided ones included.</summary>
    public string DocumentsJson(int year)
    {
        var documents = store.Documents.FindAll().Select(d => (Document: d, Spec: OfficialDocumentService.Spec(d)))
            .Where(d => d.Spec.Date.Year == year).OrderBy(d => d.Document.Id).ToList();
        var orders = store.SupervisionOrders.FindAll().ToDictionary(o => o.Id, o => o.Number);
        return JsonSerializer.Serialize(new
        {
            documents = documents.Select(d => new
            {
                genre = d.Document.Genre.ToString(), d.Document.Number, d.Document.Title, d.Document.IsIssued,
                spec = JsonNode.Parse(d.Document.SpecJson), d.Document.MarkColor, d.Document.MarkSize,
                tasks = d.Document.TaskIds.Select(Code), replyDue = d.Document.ReplyDue?.ToString("yyyy-MM-dd"),
                d.Document.DraftedAt, d.Document.DraftedBy, d.Document.IssuedAt, d.Document.IssuedBy,
                steps = d.Document.Steps.Select(x => new { kind = x.Kind.ToString(), x.By, x.Account, x.At, x.Opinion }),
                docxSha256 = Sha(d.Document.DocxEvidenceId), pdfSha256 = Sha(d.Document.PdfEvidenceId),
                supervisionOrders = d.Document.SupervisionOrderIds.Select(id => orders.GetValueOrDefault(id, "")),
            }),
            numbers = store.DocumentNumbers.Find(n => n.Year == year).OrderBy(n => n.Prefix).ThenBy(n => n.Sequence).Select(n => new
            {
                n.Number, n.Prefix, n.Year, n.Sequence, n.AllocatedAt, n.AllocatedBy, n.VoidedAt, n.VoidedBy, n.VoidReason,
                document = n.DocumentId is { } id ? store.Documents.FindById(id)?.Title : null,
            }),
        }, Json);
    }

    /// <summary>发文登记: one row per issued document of the year, with the disclosure metadata.</summary>
    public void DocumentsSheet(int year, Stream output) =>
        SheetWriter.Write(output, "发文登记", ["发文字号", "文种", "标题", "成文日期", "发文日期", "公开属性", "索引号", "主题分类", "涉及任务", "印发人"],
            store.Documents.Find(d => d.IsIssued).Select(d => (Document: d, Spec: OfficialDocumentService.Spec(d))).Where(d => d.Spec.Date.Year == year)
                .OrderBy(d => d.Spec.Date).Select(d => (IReadOnlyList<string>)
                [
                    d.Document.Number, ChineseLabels.Of(d.Document.Genre), d.Document.Title, d.Spec.Date.ToString("yyyy-MM-dd"),
                    d.Spec.IssueDate?.ToString("yyyy-MM-dd") ?? "", DocumentSpecJson.DisclosureLabel(d.Spec.Disclosure), d.Spec.IndexNumber,
                    d.Spec.Subject, string.Join("、", d.Document.TaskIds.Select(Code)), d.Document.IssuedBy,
                ]), [20, 10, 40, 12, 12, 12, 24, 18, 24, 12]);

    /// <summary>A task's progress entries and supervision orders, for its metadata.json.</summary>
    public object TaskRecords(KeyTask task) => new
    {
        progressEntries = store.Progress.Find(e => e.TaskId == task.Id).OrderBy(e => e.Date).ThenBy(e => e.Id).Select(e => new
        {
            date = e.Date.ToString("yyyy-MM-dd"), e.Text, e.Completion, e.Problems, e.NextSteps, department = directory.DepartmentName(e.DepartmentId),
            evidence = e.EvidenceIds.Select(id => Sha(id)), supervisionOrder = e.SupervisionOrderId is { } o ? store.SupervisionOrders.FindById(o)?.Number : null,
            e.RecordedAt, e.RecordedBy,
        }),
        supervisionOrders = store.SupervisionOrders.Find(o => o.TaskId == task.Id).OrderBy(o => o.Id).Select(o => new
        {
            o.Number, o.Year, o.Sequence, department = directory.DepartmentName(o.DepartmentId), o.What, due = o.Due.ToString("yyyy-MM-dd"),
            o.HowToReply, o.SourceDocument, issuedOn = o.IssuedOn.ToString("yyyy-MM-dd"), o.IssuedBy,
            answeredOn = o.AnsweredOn?.ToString("yyyy-MM-dd"), o.AnsweredBy,
            withdrawnOn = o.WithdrawnOn?.ToString("yyyy-MM-dd"), o.WithdrawnBy, o.WithdrawalReason,
        }),
    };

    /// <summary>What assessment recorded for the year, as stored: scheme versions, ratings, adjustments, 问责, closed results.</summary>
    public sealed record AssessmentRecords(
        List<Assessment.ScoringScheme> Schemes, List<Assessment.ResultRating> Ratings, List<Assessment.ScoreAdjustment> Adjustments,
        List<Assessment.AccountabilityEntry> Accountability, List<Assessment.AssessmentResult> Closures);

    private static readonly JsonSerializerOptions RecordJson = new(Json) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string AssessmentJson(int year) => JsonSerializer.Serialize(new AssessmentRecords(
        store.ScoringSchemes.Find(s => s.Year == year).OrderBy(s => s.Version).ToList(),
        store.ResultRatings.Find(r => r.Year == year).ToList(),
        store.ScoreAdjustments.Find(a => a.Year == year).ToList(),
        store.Accountability.Find(a => a.Year == year).ToList(),
        store.AssessmentClosures.Find(c => c.Year == year).ToList()), RecordJson);

    /// <summary>Puts a year's assessment records back, with task, department and leader ids of this store (matched by code and name).</summary>
    public void ImportAssessment(string json)
    {
        var records = JsonSerializer.Deserialize<AssessmentRecords>(json, RecordJson) ?? throw new DomainRuleException("assessment.json 无法读取。");
        int TaskId(string code) => store.Tasks.FindOne(t => t.Code == code)?.Id ?? 0;
        foreach (var s in records.Schemes) { s.Id = 0; store.ScoringSchemes.Insert(s); }
        foreach (var r in records.Ratings) { r.Id = 0; r.TaskId = TaskId(r.TaskCode); store.ResultRatings.Insert(r); }
        foreach (var a in records.Adjustments) { a.Id = 0; a.TaskId = TaskId(a.TaskCode); store.ScoreAdjustments.Insert(a); }
        foreach (var a in records.Accountability) { a.Id = 0; a.TaskId = TaskId(a.TaskCode); store.Accountability.Insert(a); }
        foreach (var c in records.Closures)
        {
            c.Id = 0;
            c.Scheme.Id = 0;
            foreach (var t in c.Tasks)
            {
                t.TaskId = TaskId(t.Code);
                t.DepartmentId = directory.DepartmentNamed(t.Department)?.Id;
                t.LeaderId = directory.PersonNamed(t.Leader)?.Id;
            }
            foreach (var d in c.Departments) d.DepartmentId = directory.DepartmentNamed(d.Name)?.Id ?? 0;
            foreach (var l in c.Leaders) l.LeaderId = directory.PersonNamed(l.Leader)?.Id;
            store.AssessmentClosures.Insert(c);
        }
    }

    /// <summary>The audit entries of the year with their hashes: the chain between them can be re-checked from the file.</summary>
    public string AuditJson(int year) => JsonSerializer.Serialize(AuditOf(year).Select(e => new
    {
        e.Id, at = e.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ"), e.Who, e.Action, e.Subject, e.Details, e.PreviousHash, e.Hash,
    }), Json);

    public void AuditSheet(int year, Stream output) =>
        SheetWriter.Write(output, "审计记录", ["序号", "时间", "操作人", "操作", "对象", "内容"],
            AuditOf(year).Select(e => (IReadOnlyList<string>)
                [e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.At.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"), e.Who, e.Action, e.Subject, e.Details]),
            [8, 20, 14, 20, 20, 60]);

    private IEnumerable<Audit.AuditEntry> AuditOf(int year) =>
        store.Audit.FindAll().Where(e => e.At.ToLocalTime().Year == year).OrderBy(e => e.Id);
}
