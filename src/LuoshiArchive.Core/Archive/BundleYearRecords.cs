using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// The year's kept records in an annual bundle: submitted 自查自评表 (DOCX, XLSX), saved quarterly leader reports (DOCX)
/// and closed 对账 (XLSX), each one 件 of the 归档文件目录, its files under <c>data/年度记录/</c> with the bytes kept
/// when the record was fixed, and <c>data/year-records.json</c> with the records; read back by <c>bundle import</c>.
/// </summary>
public sealed class BundleYearRecords(IArchiveStore store, OrganisationDirectory directory, SelfCheckService selfChecks,
    LeaderReportService reports, ReconciliationRecords reconciliations, KeptFiles files)
{
    public const string Folder = "年度记录";

    /// <summary>One record as a 件: what the catalogue lists, and its files (extension → bytes).</summary>
    public sealed record Item(Evidence Catalogued, string DepartmentCode, object Record,
        IReadOnlyDictionary<string, byte[]> Files);

    /// <summary>A record in year-records.json: its 档号, its files' bag paths (extension → path), the record.</summary>
    public sealed record Entry<T>(string ArchiveCode, string Owner, Dictionary<string, string> Files, T Record);

    public sealed record Contents(List<Entry<SelfCheck>> SelfChecks, List<Entry<LeaderReport>> LeaderReports,
        List<Entry<ClosedReconciliation>> Reconciliations);

    public static readonly JsonSerializerOptions Json =
        new(BundleRecords.Json) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The year's records as catalogue items (negative ids keep them apart from evidence).</summary>
    public IReadOnlyList<Item> Items(int year)
    {
        var items = new List<Item>();
        var codes = directory.Departments().ToDictionary(d => d.Id, d => d.Code);
        foreach (var form in store.SelfChecks.Find(s => s.Year == year).Where(s => s.SubmittedAt != null)
                     .OrderBy(s => s.Month).ThenBy(s => s.DepartmentId))
        {
            var docx = Bytes(o => selfChecks.WriteDocx(form, o));
            var xlsx = Bytes(o => selfChecks.WriteXlsx(form, o));
            (form.DocxSha256, form.XlsxSha256) = (Sha(docx), Sha(xlsx));
            var name = directory.DepartmentName(form.DepartmentId);
            var title = $"{name}{form.Year}年{form.Month}月自查自评表";
            items.Add(new Item(Catalogued(items, title, name, form.SubmittedAt!.Value),
                codes.GetValueOrDefault(form.DepartmentId, ""), form,
                new Dictionary<string, byte[]> { ["docx"] = docx, ["xlsx"] = xlsx }));
        }
        foreach (var report in store.LeaderReports.Find(r => r.Year == year).Where(r => r.SavedAt != null)
                     .OrderBy(r => r.Quarter).ThenBy(r => r.LeaderId))
        {
            var docx = Bytes(o => reports.WriteDocx(report, o));
            report.DocxSha256 = Sha(docx);
            var leader = directory.Person(report.LeaderId);
            items.Add(new Item(Catalogued(items, report.Title, leader?.Name ?? "", report.SavedAt!.Value),
                leader?.DepartmentId is { } d ? codes.GetValueOrDefault(d, "") : "", report,
                new Dictionary<string, byte[]> { ["docx"] = docx }));
        }
        foreach (var closed in store.Reconciliations.Find(r => r.Year == year).OrderBy(r => r.Period().To))
        {
            var xlsx = reconciliations.Xlsx(closed);
            var title = $"{closed.Period().Label}对账表";
            items.Add(new Item(Catalogued(items, title, closed.ClosedBy, closed.ClosedAt), "", closed,
                new Dictionary<string, byte[]> { ["xlsx"] = xlsx }));
        }
        return items;
    }

    // The 件 as the catalogue lists it: a report (保管期限 D30), dated the day it was fixed; the title written by the
    // archivist, so in [brackets] (DA/T 22).
    private static Evidence Catalogued(List<Item> before, string title, string author, DateTime at) => new()
    {
        Id = -(before.Count + 1), Title = $"[{title}]", Author = author, Date = DateOnly.FromDateTime(at.ToLocalTime()),
        Kind = EvidenceKind.Report, Retention = "D30",
    };

    /// <summary>Writes the files and year-records.json into the bag, named by the 档号 the catalogue gave them.</summary>
    public void Write(BagZipWriter bag, IReadOnlyList<Item> items, IReadOnlyDictionary<int, string> archiveCode)
    {
        if (items.Count == 0) return;
        var contents = new Contents([], [], []);
        foreach (var item in items)
        {
            var code = archiveCode[item.Catalogued.Id];
            var (kind, owner) = item.Record switch
            {
                SelfCheck s => ("自查自评表", directory.DepartmentName(s.DepartmentId)),
                LeaderReport r => ("季度报告", directory.PersonName(r.LeaderId)),
                _ => ("对账", ""),
            };
            var paths = new Dictionary<string, string>();
            foreach (var (extension, bytes) in item.Files)
            {
                var title = item.Catalogued.Title.Trim('[', ']');
                var path = $"{Folder}/{kind}/" + ArchiveNames.CatalogueFile(code, title, "x." + extension);
                bag.AddPayload(path, new MemoryStream(bytes), compress: false);
                paths[extension] = path;
            }
            switch (item.Record)
            {
                case SelfCheck s: contents.SelfChecks.Add(new(code, owner, paths, s)); break;
                case LeaderReport r: contents.LeaderReports.Add(new(code, owner, paths, r)); break;
                case ClosedReconciliation c: contents.Reconciliations.Add(new(code, owner, paths, c)); break;
            }
        }
        bag.AddPayload(BundleFiles.YearRecords, JsonSerializer.Serialize(contents, Json));
    }

    /// <summary>year-records.json as read from a bundle (null for a bundle made before it existed).</summary>
    public static Contents? Read(Stream? json) =>
        json is null ? null : JsonSerializer.Deserialize<Contents>(json, Json) ?? throw new DomainRuleException(
            $"{BundleFiles.YearRecords} 无法读取，未导入。");

    /// <summary>
    /// Stores the records' files as blobs, before any metadata (an unreferenced blob is harmless), and refuses a file
    /// whose bytes are not the ones the record names.
    /// </summary>
    public void KeepFiles(Contents contents, Func<string, Stream> open)
    {
        void Keep(string what, Dictionary<string, string> paths, string extension, string sha256)
        {
            if (!paths.TryGetValue(extension, out var path))
                throw new DomainRuleException($"{what}缺少 {extension} 文件，未导入。");
            using var stream = open(path);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (files.Keep(copy.ToArray()).Sha256 != sha256) throw new DomainRuleException($"{what}的文件与记录不符，未导入。");
        }
        foreach (var e in contents.SelfChecks)
        {
            Keep("自查自评表", e.Files, "docx", e.Record.DocxSha256);
            Keep("自查自评表", e.Files, "xlsx", e.Record.XlsxSha256);
        }
        foreach (var e in contents.LeaderReports) Keep("季度报告", e.Files, "docx", e.Record.DocxSha256);
        foreach (var e in contents.Reconciliations) Keep("对账", e.Files, "xlsx", e.Record.XlsxSha256);
    }

    /// <summary>Inserts the records with this store's ids (departments and leaders by name, tasks by code).</summary>
    public void Insert(Contents contents, Func<string, int?> taskId)
    {
        foreach (var (_, owner, _, form) in contents.SelfChecks)
        {
            form.Id = 0;
            form.DepartmentId = directory.DepartmentNamed(owner)?.Id ?? 0;
            form.Key = SelfCheck.KeyOf(form.DepartmentId, form.Year, form.Month);
            foreach (var row in form.Rows) row.TaskId = taskId(row.TaskCode) ?? 0;
            if (store.SelfChecks.FindOne(s => s.Key == form.Key) is null) store.SelfChecks.Insert(form);
        }
        foreach (var (_, owner, _, report) in contents.LeaderReports)
        {
            report.Id = 0;
            report.LeaderId = directory.PersonNamed(owner)?.Id ?? 0;
            report.Key = LeaderReport.KeyOf(report.LeaderId, report.Year, report.Quarter);
            if (store.LeaderReports.FindOne(r => r.Key == report.Key) is null) store.LeaderReports.Insert(report);
        }
        foreach (var (_, _, _, closed) in contents.Reconciliations)
        {
            closed.Id = 0;
            foreach (var row in closed.Rows)
            {
                row.TaskId = taskId(row.TaskCode) ?? 0;
                row.LeadDepartmentId = directory.DepartmentNamed(row.LeadDepartment)?.Id;
            }
            if (store.Reconciliations.FindOne(r => r.Key == closed.Key) is null) store.Reconciliations.Insert(closed);
        }
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
