using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>One allocated 发文字号: kept for ever, voided ones included (a number is never given twice).</summary>
public sealed class NumberAllocation
{
    public int Id { get; set; }
    public string Prefix { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>"津教委〔2018〕3号"; unique in the store.</summary>
    public string Number { get; set; } = "";
    public int? DocumentId { get; set; }
    public DateTime AllocatedAt { get; set; }
    public string AllocatedBy { get; set; } = "";
    public DateTime? VoidedAt { get; set; }
    public string VoidedBy { get; set; } = "";
    public string VoidReason { get; set; } = "";
}

/// <summary>
/// The 发文字号 register: one sequence per 机关代字 and year. Allocation is serialised in the process (the store is
/// opened by one process only) and backed by a unique index, so two users issuing at once get different numbers.
/// </summary>
public sealed class DocumentNumberRegister(IDocumentStore store, TimeProvider clock, Audit.AuditLog audit)
{
    private readonly Audit.AuditLog _audit = audit;

    public IReadOnlyList<NumberAllocation> List(int? year = null) =>
        store.DocumentNumbers.FindAll().Where(n => year is null || n.Year == year)
            .OrderBy(n => n.Prefix, StringComparer.Ordinal).ThenBy(n => n.Year).ThenBy(n => n.Sequence).ToList();

    /// <summary>
    /// Gives the next number of <paramref name="prefix"/> in <paramref name="year"/> to a document, which must be
    /// signed off (签发). A number taken with no document (<c>luoshi doc render</c> of a SPEC drafted elsewhere) has no
    /// steps to check: only someone who may sign off (a leader, an administrator) takes it, and so signs it off.
    /// </summary>
    public NumberAllocation Next(string prefix, int year, int? documentId, Actor actor)
    {
        Access.Demand(actor, Permission.IssueDocuments, _audit);
        DemandSignedOff(documentId, actor);
        if (documentId is null && !Access.Allows(actor, Permission.SignDocuments))
            throw Access.Refuse(actor, _audit, null, NotSignedOff);
        prefix = prefix.Trim();
        if (prefix.Length == 0 || prefix.Length > 20 || prefix.Any(c => char.IsWhiteSpace(c) || "〔〕[]【】()（）".Contains(c)))
            throw new DomainRuleException("机关代字无效：不能为空、不含空格和括号，不超过20字。");
        return store.InTransaction(() =>
        {
            store.LockForWrite("document_numbers");
            var number = Following(prefix, year);
            var allocation = new NumberAllocation
            {
                Prefix = prefix, Year = year, Sequence = number.Sequence, Number = number.ToString(), DocumentId = documentId,
                AllocatedAt = clock.GetUtcNow().UtcDateTime, AllocatedBy = actor.Name,
            };
            store.DocumentNumbers.Insert(allocation);
            _audit.Record(actor.Name, "number.allocated", allocation.Number, documentId is { } d ? $"公文 {d}" : "");
            return allocation;
        });
    }

    /// <summary>
    /// The number <see cref="Next"/> would give now, without taking it: what the office is shown before it issues
    /// (someone issuing at the same moment may take it first; then the one after is taken).
    /// </summary>
    public string Upcoming(string prefix, int year) => Following(prefix.Trim(), year).ToString();

    private DocumentNumber Following(string prefix, int year) => new(prefix, year,
        store.DocumentNumbers.Find(n => n.Prefix == prefix && n.Year == year).Select(n => n.Sequence).DefaultIfEmpty(0).Max() + 1);

    /// <summary>Records a number the office typed in (e.g. a document numbered by hand); refused if already used.</summary>
    public NumberAllocation Claim(DocumentNumber number, int? documentId, Actor actor)
    {
        Access.Demand(actor, Permission.IssueDocuments, _audit);
        DemandSignedOff(documentId, actor);
        return store.InTransaction(() =>
        {
            store.LockForWrite("document_numbers");
            var text = number.ToString();
            if (store.DocumentNumbers.FindOne(n => n.Number == text) is { } used)
                throw new DomainRuleException(used.VoidedAt is null
                    ? $"发文字号“{text}”已被使用（{used.AllocatedBy} 于 {used.AllocatedAt.ToLocalTime():yyyy-MM-dd} 取号）。"
                    : $"发文字号“{text}”已作废，不能再用。");
            var allocation = new NumberAllocation
            {
                Prefix = number.Prefix, Year = number.Year, Sequence = number.Sequence, Number = text, DocumentId = documentId,
                AllocatedAt = clock.GetUtcNow().UtcDateTime, AllocatedBy = actor.Name,
            };
            store.DocumentNumbers.Insert(allocation);
            _audit.Record(actor.Name, "number.allocated", text, "人工指定" + (documentId is { } d ? $"，公文 {d}" : ""));
            return allocation;
        });
    }

    public const string NotSignedOff = "取号须经签发：不属于系统内公文的取号（如按 SPEC 生成公文时自动取号）须由有签发权限的账号" +
        "（委领导或系统管理员）进行，取号即视为签发；系统内的公文请在“公文”中经核稿、签发后印发。";

    private void DemandSignedOff(int? documentId, Actor actor)
    {
        if (documentId is { } id) DocumentSigning.DemandSignedOff(store.Documents.FindById(id), actor, _audit);
    }

    /// <summary>Voids a number (e.g. the document was withdrawn): it stays in the register as voided and is never reused.</summary>
    public NumberAllocation Void(string number, string reason, Actor actor)
    {
        Access.Demand(actor, Permission.IssueDocuments, _audit);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请写明作废原因。");
        var normalised = DocumentNumber.TryParse(number, out var parsed) ? parsed.ToString() : number.Trim();
        var allocation = store.DocumentNumbers.FindOne(n => n.Number == normalised) ?? throw new DomainRuleException($"发文字号“{normalised}”不在登记簿中。");
        if (allocation.VoidedAt is not null) return allocation;
        allocation.VoidedAt = clock.GetUtcNow().UtcDateTime;
        allocation.VoidedBy = actor.Name;
        allocation.VoidReason = reason.Trim();
        store.DocumentNumbers.Update(allocation);
        _audit.Record(actor.Name, "number.voided", allocation.Number, reason.Trim());
        return allocation;
    }
}
