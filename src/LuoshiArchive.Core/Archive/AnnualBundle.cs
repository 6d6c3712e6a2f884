using LuoshiArchive.Core.Accounts;
using System.Text;
using System.Text.Json;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// The annual archive bundle (年度归档包): a BagIt bag, zipped, holding one folder per task of the year (一事一档) with
/// its evidence and metadata.json, the 归档文件目录 (XLSX and DOCX), the year's 一览表 and meeting register, and a
/// README. Written to a temp file and renamed: a failed or cancelled export leaves nothing under the final name.
/// </summary>
public sealed class AnnualBundle(TaskRegistry tasks, OrganisationDirectory directory, DossierService dossiers,
    OneTableService oneTable, MeetingRegister meetings, LuoshiOptions options, TimeProvider clock, Audit.AuditLog audit, BundleRecords records,
    Assessment.AssessmentService? assessment = null, ArchiveSettings? settings = null, PageCounting? pageCounting = null,
    BundleIncoming? incoming = null, BundleYearRecords? yearRecords = null)
{
    /// <summary>全宗号: as the administrator set it, else the configured one.</summary>
    private string Fonds => settings?.FondsNumber ?? options.FondsNumber;

    public sealed record Summary(int Tasks, int Evidence, int PayloadFiles, string File);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public Summary Export(int year, string outFile, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default,
        Actor? actor = null)
    {
        actor ??= Actor.Console("系统");
        Access.Demand(actor, Permission.ExportArchive, audit);
        var items = tasks.List(new TaskFilter { Year = year });
        if (items.Count == 0) throw new DomainRuleException($"{year}年没有任务，无法生成归档包。");
        var target = Path.GetFullPath(outFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        // 页数 for the catalogue: DOCX files that did not state it are counted once, on a LibreOffice rendition.
        pageCounting?.FillIn(items.SelectMany(i => dossiers.DossierOf(i.Task.Id)), cancellationToken);
        try
        {
            var summary = Write(year, items, partial, progress, cancellationToken);
            File.Move(partial, target, overwrite: true);
            audit.Record(actor.Name, "bundle.exported", $"{year}年度归档包", $"{summary.Tasks} 项任务，{summary.Evidence} 件材料 → {Path.GetFileName(target)}"); // no server path in the trail
            return summary with { File = target };
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private Summary Write(int year, IReadOnlyList<TaskListItem> items, string partial, IProgress<(int, int)>? progress, CancellationToken ct)
    {
        var departments = directory.Departments().ToDictionary(d => d.Id);
        var dossierOf = items.ToDictionary(i => i.Task.Id, i => dossiers.DossierOf(i.Task.Id));
        // Each piece of evidence is one 件, classed under the lead department of the first task it was filed in.
        var evidence = dossierOf.Values.SelectMany(d => d).DistinctBy(e => e.Id).ToList();
        var departmentOf = evidence.ToDictionary(e => e.Id, e =>
            items.FirstOrDefault(i => e.IsFiledIn(i.Task.Id))?.Task.LeadDepartmentId is { } d && departments.TryGetValue(d, out var dep) ? dep.Code : "");
        // The year's kept records (self-checks, leader reports, closed reconciliations) are 件 of the catalogue too.
        var kept = yearRecords?.Items(year) ?? [];
        var catalogue = Catalogue.Build(year, Fonds,
            evidence.Select(e => (e, departmentOf[e.Id])).Concat(kept.Select(k => (k.Catalogued, k.DepartmentCode))));
        var archiveCode = catalogue.ToDictionary(c => c.Evidence.Id, c => c.ArchiveCode);

        var total = items.Sum(i => dossierOf[i.Task.Id].Count) + 4;
        var done = 0;
        using var file = new FileStream(partial, FileMode.Create, FileAccess.Write);
        using (var bag = new BagZipWriter(file, $"{options.OrganisationName}-{year}年度归档包"))
        {
            foreach (var item in items)
            {
                var folder = ArchiveNames.TaskFolder(item.Task.Code, item.Task.Name);
                var files = new List<object>();
                foreach (var e in dossierOf[item.Task.Id].OrderBy(e => e.Date ?? DateOnly.MaxValue).ThenBy(e => e.Id))
                {
                    ct.ThrowIfCancellationRequested();
                    var name = ArchiveNames.CatalogueFile(archiveCode[e.Id], e.Title, e.OriginalFileName);
                    using (var original = dossiers.OpenOriginal(e))
                        bag.AddPayload($"{folder}/{name}", original, new DateTimeOffset(DateTime.SpecifyKind(e.AddedAt, DateTimeKind.Utc)),
                            compress: false, recorded: RecordedDigests.Of(e));
                    files.Add(new { file = name, archiveCode = archiveCode[e.Id], retention = e.Retention, e.Title, e.Number, date = e.Date?.ToString("yyyy-MM-dd"),
                        kind = e.Kind.ToString(), e.Author, e.PageCount, e.Sha256, e.Length, e.OriginalFileName, e.Format, e.NoTextRead,
                        e.ExtractionNote, e.AddedBy, e.AddedAt });
                    progress?.Report((++done, total));
                }
                bag.AddPayload($"{folder}/metadata.json", JsonSerializer.Serialize(Metadata(item, files, records.TaskRecords(item.Task)), Json));
            }
            using (var xlsx = new MemoryStream()) { SheetWriter.Write(xlsx, "归档文件目录", CatalogueEntry.Columns, catalogue.Select(c => c.Cells()), [6, 30, 22, 18, 40, 10, 6, 6, 12]); xlsx.Position = 0; bag.AddPayload("归档文件目录.xlsx", xlsx); }
            progress?.Report((++done, total));
            using (var docx = new MemoryStream()) { CatalogueDocx.Write(docx, $"{options.OrganisationName}{year}年度归档文件目录", catalogue); docx.Position = 0; bag.AddPayload("归档文件目录.docx", docx); }
            progress?.Report((++done, total));
            using (var table = new MemoryStream()) { oneTable.ExportXlsx(new TaskFilter { Year = year }, Actor.Console("归档包"), table); table.Position = 0; bag.AddPayload("工作落实清单一览表.xlsx", table); }
            using (var register = new MemoryStream()) { MeetingRegisterSheet(year, register); register.Position = 0; bag.AddPayload("会议台账.xlsx", register); }
            progress?.Report((++done, total));
            bag.AddPayload(BundleFiles.Organisation, JsonSerializer.Serialize(new
            {
                departments = directory.Departments().Select(d => new { d.Name, d.Code, d.SortOrder }),
                people = directory.People().Select(p => new { p.Name, role = p.Role.ToString(), department = directory.DepartmentName(p.DepartmentId), p.Title, p.Phone }),
            }, Json));
            bag.AddPayload(BundleFiles.Meetings, JsonSerializer.Serialize(meetings.List(year).Select(m => new
            {
                kind = m.Kind.ToString(), date = m.Date.ToString("yyyy-MM-dd"), m.Title, m.Session, m.Chair, m.Attendees, m.Place,
                department = directory.DepartmentName(m.DepartmentId), m.IsYearEndSummary,
                agenda = m.Agenda.Select(a => new { a.Text, tasks = meetings.CodesOf(a.TaskIds) }),
                decisions = m.Decisions.Select(d => new { d.Text, tasks = meetings.CodesOf(d.TaskIds), leadDepartment = directory.DepartmentName(d.LeadDepartmentId),
                    deadline = d.Deadline?.ToString("yyyy-MM-dd"), createdTask = d.CreatedTaskId is { } c ? meetings.CodesOf([c]).FirstOrDefault() : null }),
                minutesSha256 = m.MinutesEvidenceId is { } e ? dossiers.Find(e)?.Sha256 : null,
            }), Json));
            bag.AddPayload(BundleFiles.Documents, records.DocumentsJson(year));
            incoming?.Write(bag, year, tasks.Today);
            yearRecords?.Write(bag, kept, archiveCode);
            using (var register = new MemoryStream()) { records.DocumentsSheet(year, register); register.Position = 0; bag.AddPayload("发文登记.xlsx", register); }
            bag.AddPayload(BundleFiles.Audit, records.AuditJson(year));
            bag.AddPayload(Audit.AuditHead.FileName, audit.Head().ToJson());
            using (var trail = new MemoryStream()) { records.AuditSheet(year, trail); trail.Position = 0; bag.AddPayload("审计记录.xlsx", trail); }
            if (assessment is not null) AddAssessment(bag, year);
            bag.AddPayload(BundleFiles.Assessment, records.AssessmentJson(year));
            bag.AddPayload("README.txt", Readme(year, items.Count, catalogue.Count));
            progress?.Report((++done, total));
            bag.Finish(options.OrganisationName, $"{Fonds}-WS·{year}", $"{options.OrganisationName}{year}年度重点任务“一事一档”归档包",
                DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        }
        file.Flush(flushToDisk: true);
        return new Summary(items.Count, evidence.Count, done, "");
    }

    private object Metadata(TaskListItem item, List<object> files, object records)
    {
        var t = item.Task;
        return new
        {
            code = t.Code, parentCode = t.ParentId is { } p ? tasks.FindById(p)?.Code : null, year = t.Year, name = t.Name, listKind = t.ListKind.ToString(), source = t.Source.ToString(), sourceDetail = t.SourceDetail,
            addedOn = t.AddedOn.ToString("yyyy-MM-dd"),
            carriedFrom = t.CarriedFromId is { } from ? tasks.FindById(from)?.Code : null,
            carriedTo = t.CarriedToId is { } to ? tasks.FindById(to)?.Code : null,
            taskList = new { t.Target }, responsibility = new { leadDepartment = item.LeadDepartment,
                cooperatingDepartments = t.CooperatingDepartmentIds.Select(id => directory.DepartmentName(id)), responsiblePerson = directory.PersonName(t.ResponsiblePersonId),
                supervisingLeader = item.SupervisingLeader },
            measures = new { t.Measures, deadline = t.Deadline?.ToString("yyyy-MM-dd"),
                milestones = t.Milestones.Select(m => new { due = m.Due.ToString("yyyy-MM-dd"), m.Description, m.Done, doneOn = m.DoneOn?.ToString("yyyy-MM-dd") }) },
            outcomes = new { t.Standard, t.ExpectedOutcomes }, status = t.Status.ToString(), progress = t.ProgressSummary, t.Remarks, closure = t.Closure,
            history = tasks.History(t.Id).Select(h => new { h.At, h.By, kind = h.Kind.ToString(), h.Changes, h.Adjustment, h.Decision, h.Closure }),
            evidence = files,
            records,
        };
    }

    private void MeetingRegisterSheet(int year, Stream output) =>
        SheetWriter.Write(output, "会议台账", ["日期", "类别", "会议", "届次", "主持", "涉及任务", "议定事项", "纪要"],
            meetings.List(year).OrderBy(m => m.Date).Select(m => (IReadOnlyList<string>)
            [
                m.Date.ToString("yyyy-MM-dd"), ChineseLabels.Of(m.Kind), m.Title, m.Session, m.Chair, string.Join("、", meetings.CodesOf(m.TaskIds)),
                string.Join("\n", m.Decisions.Select(d => d.Text)), m.MinutesEvidenceId is null ? "未上传" : "已归档",
            ]), [12, 14, 30, 14, 10, 30, 50, 8]);

    // The year's assessment (考核结果): ranking, item-by-item scores and accountability (问责), as closed or as computed today.
    private void AddAssessment(BagZipWriter bag, int year)
    {
        var result = assessment!.Result(year);
        if (result.Tasks.Count == 0) return;
        using (var docx = new MemoryStream()) { assessment.WriteDocx(result, docx); docx.Position = 0; bag.AddPayload("考核结果.docx", docx); }
        using (var xlsx = new MemoryStream()) { assessment.WriteXlsx(result, xlsx); xlsx.Position = 0; bag.AddPayload("考核结果.xlsx", xlsx); }
    }

    private string Readme(int year, int taskCount, int itemCount) => new StringBuilder()
        .AppendLine($"{options.OrganisationName} {year}年度重点任务归档包（一事一档）")
        .AppendLine()
        .AppendLine("本包为 BagIt 1.0 格式（RFC 8493）：data/ 目录下为归档内容，manifest-sha256.txt 和 manifest-sha512.txt 记录每个文件的校验值，")
        .AppendLine("bag-info.txt 记录来源单位、打包日期和文件数量。可用 luoshi bundle verify 或任何 BagIt 工具校验完整性。")
        .AppendLine()
        .AppendLine($"data/<任务编号>-<任务名称>/     每项任务一个文件夹（共 {taskCount} 个），内含佐证材料原件（<档号>-<题名>）和 metadata.json")
        .AppendLine("                               （任务的四个清单、时间节点、变更记录、每件材料的元数据和 SHA-256）")
        .AppendLine($"data/归档文件目录.xlsx / .docx   按 DA/T 22-2015 编制的归档文件目录（共 {itemCount} 件），档号：全宗号-WS·年度-保管期限-机构代码-件号")
        .AppendLine("data/工作落实清单一览表.xlsx     本年度工作落实清单一览表")
        .AppendLine("data/会议台账.xlsx              本年度会议登记")
        .AppendLine("data/发文登记.xlsx              本年度印发的公文（发文字号、文种、标题、日期、公开属性、索引号）；documents.json 含发文字号登记簿（含作废号）")
        .AppendLine("data/审计记录.xlsx / audit.json 本年度审计记录（谁在何时改了什么）；audit.json 保留每条记录的哈希链，可复核未被改动")
        .AppendLine("metadata.json 中的 records     每项任务的进展记录和督办单")
        .AppendLine("data/年度记录/                  已提交的月度自查自评表（DOCX、XLSX）、委领导季度报告（DOCX）、已关闭的对账表（XLSX），")
        .AppendLine("                               均为提交或关闭时保存的原文件，列入归档文件目录；year-records.json 为其数据，导入时恢复")
        .AppendLine("data/assessment.json            考核记录（评分办法各版本、效果评定、加减分、问责、已确定的结果），导入时恢复")
        .AppendLine("data/考核结果.docx / .xlsx       本年度考核结果（处室排名、分管领域、逐项得分和计分说明、问责情况；年度结果未确定的，为打包时的计算结果）")
        .AppendLine()
        .ToString();
}
