using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// Drafting and issuing official documents. Issuing is ordered so a crash loses nothing confirmed: the number is
/// allocated (and recorded against the document) first, then the DOCX/PDF are filed as evidence, then the document
/// is marked issued; a repeated issue reuses the number already allocated to it.
/// </summary>
public sealed class OfficialDocumentService(
    IDocumentStore store, TaskRegistry tasks, DossierService dossiers, DocumentNumberRegister numbers, Drafting drafting,
    DocumentTemplates templates, ConverterPaths converters, TimeProvider clock, LuoshiOptions options,
    IRectificationOrders rectification, Audit.AuditLog audit)
{
    private readonly Audit.AuditLog _audit = audit;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public OfficialDocument? Find(int id) => store.Documents.FindById(id);

    public IReadOnlyList<OfficialDocument> List(int? year = null) =>
        store.Documents.FindAll().Where(d => year is null || Spec(d).Date.Year == year)
            .OrderByDescending(d => d.IssuedAt ?? d.DraftedAt).ToList();

    /// <summary>The document as <paramref name="reader"/> may see it: a draft only to those who draft, issue or sign.</summary>
    public OfficialDocument? Find(int id, Actor reader) => Find(id) is { } found && MayRead(found, reader) ? found : null;

    /// <summary>The year's documents <paramref name="reader"/> may see (drafts only to those who draft and issue).</summary>
    public IReadOnlyList<OfficialDocument> List(int? year, Actor reader) =>
        List(year).Where(d => MayRead(d, reader)).ToList();

    private static bool MayRead(OfficialDocument document, Actor reader) =>
        document.IsIssued || Access.Allows(reader, Permission.IssueDocuments)
        || Access.Allows(reader, Permission.SignDocuments);

    public static DocumentSpec Spec(OfficialDocument document) => DocumentSpecReader.Parse(document.SpecJson);

    public static DocumentLayout Layout(OfficialDocument document) => new() { MarkColor = document.MarkColor, MarkSize = document.MarkSize };

    public IReadOnlyList<KeyTask> TasksOf(OfficialDocument document) =>
        document.TaskIds.Select(id => store.Tasks.FindById(id)).OfType<KeyTask>().ToList();

    /// <summary>What a genre no list offers (e.g. 999) is told.</summary>
    public const string InvalidGenre = "文种无效：请从列表中选择。";

    /// <summary>Starts a draft from a genre's template (general notice, issuance, supervision notice, minutes).</summary>
    public OfficialDocument StartFromTemplate(DocumentGenre genre, IReadOnlyList<string> taskCodes, Actor actor)
    {
        Access.Demand(actor, Permission.IssueDocuments, _audit);
        if (!Enum.IsDefined(genre)) throw new DomainRuleException(InvalidGenre);
        var template = templates.Load(genre);
        var filled = DocumentTemplates.Fill(template.Spec, new Dictionary<string, string> { ["机关名称"] = options.OrganisationName });
        filled["date"] = Today.ToString("yyyy-MM-dd");
        filled["number"] = genre == DocumentGenre.Minutes ? "" : "auto";
        var spec = DocumentSpecReader.Parse(filled.ToJsonString());
        return Save(spec, template.Layout, Resolve(taskCodes), null, actor);
    }

    /// <summary>A 通报表扬 drafted from tasks completed on time with good results.</summary>
    public OfficialDocument StartCommendation(IReadOnlyList<string> taskCodes, Actor actor)
    {
        Access.Demand(actor, Permission.IssueDocuments, _audit);
        var picked = Resolve(taskCodes);
        var unfit = picked.Where(t => !Drafting.CompletedOnTime(t)).Select(t => t.Code).ToList();
        if (unfit.Count > 0) throw new DomainRuleException($"通报表扬只能选择已按时完成的任务，以下任务不符合：{string.Join("、", unfit)}。");
        var (spec, layout) = drafting.Commendation(picked, Today, tasks.EvidenceCounts());
        return Save(spec, layout, picked, null, actor);
    }

    /// <summary>A 通报批评 drafted from overdue or failing tasks, with a reply date for the rectification report.</summary>
    public OfficialDocument StartCriticism(IReadOnlyList<string> taskCodes, Actor actor)
    {
        Access.Demand(actor, Permission.IssueDocuments, _audit);
        var picked = Resolve(taskCodes);
        var unfit = picked.Where(t => !Drafting.Failing(t, Today)).Select(t => t.Code).ToList();
        if (unfit.Count > 0) throw new DomainRuleException($"通报批评只能选择逾期或节点未按时完成的任务，以下任务不符合：{string.Join("、", unfit)}。");
        var (spec, layout, replyDue) = drafting.Criticism(picked, Today, Today, tasks.EvidenceCounts());
        return Save(spec, layout, picked, replyDue, actor);
    }

    /// <summary>Saves an edited draft; an issued document is never changed.</summary>
    public OfficialDocument UpdateDraft(int id, DocumentSpec spec, DateOnly? replyDue, Actor actor)
    {
        Access.Demand(actor, Permission.IssueDocuments, _audit);
        var document = Find(id) ?? throw new DomainRuleException("该公文不存在。");
        if (document.IsIssued) throw new DomainRuleException($"公文已于 {document.IssuedAt?.ToLocalTime():yyyy-MM-dd} 印发（{document.Number}），不能再修改。");
        Check(spec);
        if (document.Genre == DocumentGenre.Criticism && replyDue is { } due && due < spec.Date)
            throw new DomainRuleException("整改报送期限不能早于成文日期。");
        var json = DocumentSpecJson.Write(spec);
        // Saved unchanged (the form's 印发 saves before it confirms): what was reviewed and signed stands.
        if (json != document.SpecJson || (replyDue is not null && replyDue != document.ReplyDue))
            DocumentSigning.DropReviewAfterEdit(document, actor, _audit);
        document.SpecJson = json;
        document.Title = spec.Title;
        document.ReplyDue = replyDue ?? document.ReplyDue;
        store.Documents.Update(document);
        _audit.Record(actor.Name, "document.edited", $"公文 {document.Id}", spec.Title);
        return document;
    }

    /// <summary>
    /// The 发文字号 issuing the draft would give it now, without taking one: the number it already holds, the one typed,
    /// or the next of its 机关代字 and year; "" for minutes without a number. Shown before the office confirms.
    /// </summary>
    public string NumberToTake(OfficialDocument document)
    {
        if (document.IsIssued) return document.Number;
        var spec = Spec(document);
        if (!TakesNumber(spec)) return "";
        if (NumberTakenBy(document) is { } existing) return existing.Number;
        if (spec.WantsAutoNumber) return numbers.Upcoming(spec.CodePrefix, spec.Date.Year);
        return DocumentNumber.TryParse(spec.Number, out var typed) ? typed.ToString() : spec.Number.Trim();
    }

    private static bool TakesNumber(DocumentSpec spec) => spec.Genre != DocumentGenre.Minutes || spec.Number.Trim().Length > 0;

    private NumberAllocation? NumberTakenBy(OfficialDocument document) =>
        store.DocumentNumbers.FindOne(n => n.DocumentId == document.Id && n.VoidedAt == null);

    /// <summary>
    /// Issues a signed-off draft (签发, <see cref="DocumentSigning"/>): allocates the number (auto) or records the one typed, writes the DOCX (and the PDF where
    /// LibreOffice is installed), files them as outgoing documents in every named task's dossier, and for a criticism
    /// opens a supervision order per task with the reply date.
    /// </summary>
    public async Task<OfficialDocument> IssueAsync(int id, Actor actor, CancellationToken cancellationToken = default)
    {
        Access.Demand(actor, Permission.IssueDocuments, _audit);
        var document = Find(id) ?? throw new DomainRuleException("该公文不存在。");
        if (document.IsIssued) return document;
        DocumentSigning.DemandSignedOff(document, actor, _audit);
        var spec = Spec(document);
        Check(spec);

        // 1. The number: allocated once per document, even if issuing is repeated after a failure.
        var number = spec.Number.Trim();
        if (TakesNumber(spec))
        {
            if (NumberTakenBy(document) is { } existing) number = existing.Number;
            else if (spec.WantsAutoNumber) number = numbers.Next(spec.CodePrefix, spec.Date.Year, document.Id, actor).Number;
            else if (DocumentNumber.TryParse(number, out var typed)) number = numbers.Claim(typed, document.Id, actor).Number;
        }
        spec = spec with { Number = number, IssueDate = spec.IssueDate ?? Today };

        // 2. The files, filed as evidence in every named task's dossier (indexed, so the number is searchable).
        var docx = Render(spec, Layout(document));
        var pdf = PdfRendition.TryConvert(docx, converters);
        var codes = TasksOf(document).Select(t => t.Code).ToList();
        int? docxEvidence = null, pdfEvidence = null;
        if (codes.Count > 0)
        {
            var details = new EvidenceDetails
            {
                Kind = EvidenceKind.OutgoingDocument, Title = spec.Title, Number = number, Date = spec.Date, Author = spec.Signature,
            };
            var baseName = ArchiveNames.Safe($"{(number.Length > 0 ? number + " " : "")}{spec.Title}");
            // The DOCX states no page count of its own (Word fills it in on saving): it has the rendition's.
            var docxDetails = pdf is null ? details : details with { PageCount = PdfRendition.PageCount(pdf) };
            docxEvidence = (await dossiers.AddAsync(new MemoryStream(docx), baseName + ".docx", codes, docxDetails, actor, cancellationToken)).Evidence.Id;
            if (pdf is not null)
                pdfEvidence = (await dossiers.AddAsync(new MemoryStream(pdf), baseName + ".pdf", codes,
                    details with { RenditionOf = docxEvidence }, actor, cancellationToken)).Evidence.Id;
        }

        // 3. Issued: the register row is complete.
        document = Find(id)!;
        document.SpecJson = DocumentSpecJson.Write(spec);
        document.Number = number;
        document.IsIssued = true;
        document.IssuedAt = clock.GetUtcNow().UtcDateTime;
        document.IssuedBy = actor.Name;
        document.DocxEvidenceId = docxEvidence;
        document.PdfEvidenceId = pdfEvidence;
        store.Documents.Update(document);
        _audit.Record(actor.Name, "document.issued", $"公文 {document.Id}", $"{number} {spec.Title}，归入 {string.Join("、", codes)}");

        if (document.Genre == DocumentGenre.Criticism)
        {
            foreach (var task in TasksOf(document)) document.SupervisionOrderIds.Add(rectification.Open(document, task, actor));
            store.Documents.Update(document);
        }
        return document;
    }

    /// <summary>The DOCX as printed (issued: with its number; draft: with "auto" shown as the number to come).</summary>
    public static byte[] Render(DocumentSpec spec, DocumentLayout layout)
    {
        using var buffer = new MemoryStream();
        OfficialDocumentWriter.Write(buffer, spec.WantsAutoNumber ? spec with { Number = $"{spec.CodePrefix}〔{spec.Date.Year}〕　号" } : spec, layout);
        return buffer.ToArray();
    }

    private static void Check(DocumentSpec spec)
    {
        var problems = DocumentSpecReader.Check(spec);
        if (problems.Count > 0) throw new DomainRuleException("公文内容不完整：" + string.Join("；", problems) + "。");
    }

    private OfficialDocument Save(DocumentSpec spec, DocumentLayout layout, IReadOnlyList<KeyTask> picked, DateOnly? replyDue, Actor actor)
    {
        var document = new OfficialDocument
        {
            Genre = spec.Genre, Title = spec.Title, SpecJson = DocumentSpecJson.Write(spec), MarkColor = layout.MarkColor, MarkSize = layout.MarkSize,
            TaskIds = picked.Select(t => t.Id).ToList(), ReplyDue = replyDue, DraftedAt = clock.GetUtcNow().UtcDateTime, DraftedBy = actor.Name,
        };
        store.Documents.Insert(document);
        _audit.Record(actor.Name, "document.drafted", $"公文 {document.Id}", $"{ChineseLabels.Of(spec.Genre)}：{spec.Title}");
        return document;
    }

    private List<KeyTask> Resolve(IReadOnlyList<string> codes) =>
        codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct()
            .Select(c => tasks.Find(c) ?? throw new DomainRuleException($"任务“{c}”不存在。")).ToList();
}
