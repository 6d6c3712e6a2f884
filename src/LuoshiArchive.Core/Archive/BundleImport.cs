using LuoshiArchive.Core.Accounts;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Restores an annual bundle into a store that does not hold that year: tasks (with milestones and history),
/// evidence (byte-identical, text re-read), departments, people, meetings, then the index. The bag is verified first;
/// blobs go in before any metadata, and all metadata in one transaction, so a failure leaves the store as it was.
/// </summary>
public sealed class BundleImport(IArchiveStore store, TaskRegistry tasks, OrganisationDirectory directory, IBlobStore blobs,
    IsolatedTextExtractor extractor, DossierService dossiers, EvidenceIndexing indexing, BundleRecords records,
    BundleIncoming? incoming = null, BundleYearRecords? yearRecords = null)
{
    public sealed record Summary(int Year, int Tasks, int Evidence, int Meetings);

    /// <summary>
    /// Imports a verified annual bundle into a store without its year(s). <paramref name="progress"/> hears of each
    /// evidence file stored (the long part: every file is read and its text extracted).
    /// </summary>
    public async Task<Summary> ImportAsync(string zipFile, Actor actor, CancellationToken cancellationToken = default,
        IProgress<(int Done, int Total)>? progress = null)
    {
        Access.Demand(actor, Permission.ImportArchive, tasks.AuditTrail);
        Check(zipFile);
        using var zip = ZipFile.OpenRead(zipFile);
        var root = Root(zip);
        JsonNode Read(string path) => JsonNode.Parse(zip.GetEntry(root + "data/" + path)!.Open())!;
        var taskJson = TaskFiles(zip, root)
            .Select(e => (Folder: e.FullName[..^BundleFiles.TaskMetadata.Length], Json: JsonNode.Parse(e.Open())!)).ToList();
        var years = taskJson.Select(t => (int)t.Json["year"]!).Distinct().ToList();
        foreach (var year in years)
            if (tasks.List(new TaskFilter { Year = year }).Count > 0)
                throw new DomainRuleException($"数据目录中已有{year}年度的任务：为免重复，归档包只能导入到没有该年度数据的目录。未做任何修改。");
        var organisation = Read(BundleFiles.Organisation);
        var meetingsJson = Read(BundleFiles.Meetings).AsArray();

        // 1. Blobs first: an unreferenced blob is harmless if a later step fails.
        var texts = new Dictionary<string, ExtractedText?>(StringComparer.Ordinal);
        // SHA-512 and BLAKE3 taken again while staging, as intake takes them: the bag's manifest and the record cannot
        // disagree, and the next export checks these originals against BLAKE3 too.
        var digestsOf = new Dictionary<string, (string Sha512, string Blake3)>(StringComparer.Ordinal);
        var (filesDone, files) = (0, taskJson.Sum(t => t.Json["evidence"]!.AsArray().Count));
        foreach (var (folder, json) in taskJson)
        foreach (var item in json["evidence"]!.AsArray())
        {
            progress?.Report((filesDone++, files));
            var sha = (string)item!["Sha256"]!;
            if (texts.ContainsKey(sha)) continue;
            using var staged = blobs.Stage(zip.GetEntry(folder + (string)item["file"]!)!.Open(), long.MaxValue);
            if (staged.Sha256 != sha) throw new DomainRuleException($"材料“{item["Title"]}”的校验值与元数据不符，未导入。");
            ExtractedText? text;
            try { text = await extractor.ExtractAsync(staged.Path, (string)item["OriginalFileName"]!, cancellationToken); }
            catch (ExtractionException) { text = null; }
            blobs.Commit(staged, text?.Text ?? "");
            texts[sha] = text;
            digestsOf[sha] = (staged.Sha512, staged.Blake3);
        }

        // The received and reply documents of the 来文来件 register that no task brought.
        var incomingJson = zip.GetEntry(root + "data/" + BundleFiles.Incoming) is null ? null : Read(BundleFiles.Incoming);
        var incomingLengths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (sha, file, _) in incomingJson is null ? [] : BundleIncoming.Documents(incomingJson))
        {
            if (texts.ContainsKey(sha) || incomingLengths.ContainsKey(sha)) continue;
            using var staged = blobs.Stage(zip.GetEntry(root + "data/" + file)!.Open(), long.MaxValue);
            if (staged.Sha256 != sha) throw new DomainRuleException($"来文“{file}”的校验值与元数据不符，未导入。");
            ExtractedText? text;
            try { text = await extractor.ExtractAsync(staged.Path, file, cancellationToken); }
            catch (ExtractionException) { text = null; }
            blobs.Commit(staged, text?.Text ?? "");
            texts[sha] = text;
            digestsOf[sha] = (staged.Sha512, staged.Blake3);
            incomingLengths[sha] = staged.Length;
        }

        // The kept files of the year's self-checks, leader reports and reconciliations, byte for byte.
        var kept = BundleYearRecords.Read(zip.GetEntry(root + "data/" + BundleFiles.YearRecords)?.Open());
        if (kept is not null && yearRecords is not null)
            yearRecords.KeepFiles(kept, path => zip.GetEntry(root + "data/" + path)?.Open()
                                                ?? throw new DomainRuleException($"归档包中缺少 {path}，未导入。"));

        // 2. All metadata in one transaction; the index catches up with it at the end (3.).
        using var bulk = indexing.Hold();
        var summary = store.InTransaction(() =>
        {
            foreach (var d in organisation["departments"]!.AsArray())
                if (directory.DepartmentNamed((string)d!["Name"]!) is null)
                    directory.SaveDepartment(new Department { Name = (string)d["Name"]!, Code = (string?)d["Code"] ?? "", SortOrder = (int?)d["SortOrder"] ?? 0 });
            foreach (var p in organisation["people"]!.AsArray())
                if (directory.PersonNamed((string)p!["Name"]!) is null)
                    directory.SavePerson(new Person
                    {
                        Name = (string)p["Name"]!, Role = Enum.Parse<PersonRole>((string)p["role"]!), Title = (string?)p["Title"] ?? "",
                        Phone = (string?)p["Phone"] ?? "", DepartmentId = directory.DepartmentNamed((string?)p["department"] ?? "")?.Id,
                    });
            var evidenceBySha = new Dictionary<string, Evidence>(StringComparer.Ordinal);
            foreach (var (_, json) in taskJson)
            {
                var task = tasks.Restore(Draft(json), Read<TaskClosure>(json["closure"]), actor);
                foreach (var h in json["history"]!.AsArray())
                    store.TaskHistory.Insert(History(task.Id, h!));
                foreach (var item in json["evidence"]!.AsArray())
                {
                    var sha = (string)item!["Sha256"]!;
                    if (!evidenceBySha.TryGetValue(sha, out var evidence))
                    {
                        evidence = NewEvidence(item, texts[sha]);
                        (evidence.Sha512, evidence.Blake3) = digestsOf[sha];
                        evidence.Revision = indexing.NextRevision();
                        store.Evidence.Insert(evidence);
                        evidenceBySha[sha] = evidence;
                    }
                    evidence.Links.Add(new EvidenceLink { TaskId = task.Id, LinkedAt = evidence.AddedAt, LinkedBy = evidence.AddedBy });
                    evidence.Revision = indexing.NextRevision();
                    store.Evidence.Update(evidence);
                }
            }
            // Parent links (细化分解) once every task of the bundle exists; bundles made before decomposition have none.
            tasks.RestoreParents(taskJson.Select(t => ((string)t.Json["code"]!, (string?)t.Json["parentCode"])));
            // 年度结转 links to tasks of the other year, where the store has them (its bundle imported before or after).
            tasks.RestoreCarryLinks(taskJson.Select(t =>
                ((string)t.Json["code"]!, (string?)t.Json["carriedFrom"], (string?)t.Json["carriedTo"])));
            foreach (var m in meetingsJson) ImportMeeting(m!, evidenceBySha);
            // Records added in later versions of the bundle: absent from older bundles, which still import.
            var orderIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (_, json) in taskJson)
                if (json["records"] is { } records) ImportRecords(tasks.Find((string)json["code"]!)!, records, evidenceBySha, orderIds);
            if (zip.GetEntry(root + "data/" + BundleFiles.Documents) is not null)
                ImportDocuments(Read(BundleFiles.Documents), evidenceBySha, orderIds);
            if (incomingJson is not null && incoming is not null)
                incoming.Import(incomingJson, evidenceBySha, code => tasks.Find(code)?.Id, meta => new Evidence
                {
                    Sha256 = (string)meta["Sha256"]!, Sha512 = digestsOf[(string)meta["Sha256"]!].Sha512,
                    Blake3 = digestsOf[(string)meta["Sha256"]!].Blake3,
                    Length = incomingLengths.GetValueOrDefault((string)meta["Sha256"]!),
                    OriginalFileName = (string)meta["OriginalFileName"]!, Title = (string)meta["Title"]!,
                    Kind = Enum.Parse<EvidenceKind>((string)meta["kind"]!), AddedAt = meta["AddedAt"]!.GetValue<DateTime>(),
                    AddedBy = (string)meta["AddedBy"]!, Format = texts[(string)meta["Sha256"]!]?.Format.ToString() ?? "",
                    NoTextRead = texts[(string)meta["Sha256"]!] is null,
                    TextLength = texts[(string)meta["Sha256"]!]?.Text.Length ?? 0,
                    Revision = indexing.NextRevision(),
                });
            if (kept is not null) yearRecords?.Insert(kept, code => tasks.Find(code)?.Id);
            if (zip.GetEntry(root + "data/" + BundleFiles.Assessment) is { } assessment)
                using (var reader = new StreamReader(assessment.Open())) records.ImportAssessment(reader.ReadToEnd());
            return new Summary(years[0], taskJson.Count, evidenceBySha.Count, meetingsJson.Count);
        });

        // 3. The index follows the store.
        dossiers.BringIndexUpToDate();
        bulk.Complete();
        progress?.Report((files, files));
        tasks.AuditTrail.Record(actor.Name, "bundle.imported", $"{summary.Year}年度归档包",
            $"{summary.Tasks} 项任务，{summary.Evidence} 件材料，{summary.Meetings} 次会议 ← {Path.GetFileName(zipFile)}");
        return summary;
    }

    /// <summary>
    /// Everything that can be refused without a store: a bag that fails verification, or one that is not an annual
    /// bundle. The CLI calls it before it opens the storage folder, so a refused import leaves that folder as it was.
    /// </summary>
    public static void Check(string zipFile)
    {
        var problems = BagVerifier.Verify(zipFile);
        if (problems.Count > 0) throw new DomainRuleException("归档包校验未通过，未导入：" + string.Join("；", problems.Take(5)));
        using var zip = ZipFile.OpenRead(zipFile);
        var root = Root(zip);
        foreach (var path in new[] { BundleFiles.Organisation, BundleFiles.Meetings })
            if (zip.GetEntry(root + "data/" + path) is null)
                throw new DomainRuleException($"归档包中缺少 {path}：它不是落实档案生成的年度归档包。未做任何修改。");
        if (TaskFiles(zip, root).Count == 0) throw new DomainRuleException("归档包中没有任务。未做任何修改。");
    }

    private static string Root(ZipArchive zip) => zip.Entries
        .First(e => e.FullName.EndsWith("bagit.txt", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') <= 1).FullName[..^"bagit.txt".Length];

    private static List<ZipArchiveEntry> TaskFiles(ZipArchive zip, string root) => zip.Entries
        .Where(e => e.FullName.StartsWith(root + "data/", StringComparison.Ordinal)
                    && e.FullName.EndsWith("/" + BundleFiles.TaskMetadata, StringComparison.Ordinal)).ToList();

    private TaskDraft Draft(JsonNode json)
    {
        var responsibility = json["responsibility"]!;
        var measures = json["measures"]!;
        return new TaskDraft
        {
            Code = (string)json["code"]!, Year = (int)json["year"]!, Name = (string)json["name"]!,
            ListKind = Enum.Parse<TaskListKind>((string)json["listKind"]!), Source = Enum.Parse<TaskSource>((string)json["source"]!),
            SourceDetail = (string?)json["sourceDetail"] ?? "", Target = (string?)json["taskList"]!["Target"] ?? "",
            LeadDepartmentId = directory.DepartmentNamed((string?)responsibility["leadDepartment"] ?? "")?.Id,
            CooperatingDepartmentIds = responsibility["cooperatingDepartments"]!.AsArray()
                .Select(n => directory.DepartmentNamed((string)n!)?.Id).OfType<int>().ToList(),
            ResponsiblePersonId = directory.PersonNamed((string?)responsibility["responsiblePerson"] ?? "")?.Id,
            SupervisingLeaderId = directory.PersonNamed((string?)responsibility["supervisingLeader"] ?? "")?.Id,
            Measures = (string?)measures["Measures"] ?? "", Deadline = Date(measures["deadline"]),
            Milestones = measures["milestones"]!.AsArray().Select(m => new Milestone
            {
                Due = Date(m!["due"])!.Value, Description = (string)m["Description"]!, Done = (bool)m["Done"]!, DoneOn = Date(m["doneOn"]),
            }).ToList(),
            Standard = (string?)json["outcomes"]!["Standard"] ?? "", ExpectedOutcomes = (string?)json["outcomes"]!["ExpectedOutcomes"] ?? "",
            Status = Enum.Parse<KeyTaskStatus>((string)json["status"]!), ProgressSummary = (string?)json["progress"] ?? "",
            Remarks = (string?)json["Remarks"] ?? "", AddedOn = Date(json["addedOn"]),
        };
    }

    private static TaskHistoryEntry History(int taskId, JsonNode h) => new()
    {
        TaskId = taskId, At = h["At"]!.GetValue<DateTime>(), By = (string)h["By"]!, Kind = Enum.Parse<TaskChangeKind>((string)h["kind"]!),
        Changes = h["Changes"]!.AsArray().Select(c => new FieldChange((string)c!["Field"]!, (string)c["Before"]!, (string)c["After"]!)).ToList(),
        Adjustment = Read<Adjustment>(h["Adjustment"]), Decision = Read<LeaderDecision>(h["Decision"]),
        Closure = Read<TaskClosure>(h["Closure"]),
    };

    private static T? Read<T>(JsonNode? node) where T : class =>
        node is null ? null : System.Text.Json.JsonSerializer.Deserialize<T>(node.ToJsonString());

    private static Evidence NewEvidence(JsonNode item, ExtractedText? text) => new()
    {
        Sha256 = (string)item["Sha256"]!, Length = (long)item["Length"]!, OriginalFileName = (string)item["OriginalFileName"]!,
        Format = (string?)item["Format"] ?? text?.Format.ToString() ?? "", Kind = Enum.Parse<EvidenceKind>((string)item["kind"]!),
        Title = (string)item["Title"]!, Number = (string?)item["Number"] ?? "", Date = Date(item["date"]), Author = (string?)item["Author"] ?? "",
        PageCount = (int?)item["PageCount"], Retention = (string?)item["retention"] ?? "", NoTextRead = (bool?)item["NoTextRead"] ?? text is null,
        ExtractionNote = (string?)item["ExtractionNote"] ?? "", TextLength = text?.Text.Length ?? 0,
        AddedAt = item["AddedAt"]!.GetValue<DateTime>(), AddedBy = (string)item["AddedBy"]!,
    };

    private void ImportMeeting(JsonNode m, Dictionary<string, Evidence> evidenceBySha)
    {
        List<int> Ids(JsonNode? codes) => codes!.AsArray().Select(c => tasks.Find((string)c!)?.Id).OfType<int>().ToList();
        var meeting = new Meeting
        {
            Kind = Enum.Parse<MeetingKind>((string)m["kind"]!), Date = Date(m["date"])!.Value, Title = (string)m["Title"]!,
            Session = (string?)m["Session"] ?? "", Chair = (string?)m["Chair"] ?? "", Place = (string?)m["Place"] ?? "",
            Attendees = m["Attendees"]!.AsArray().Select(a => (string)a!).ToList(),
            DepartmentId = directory.DepartmentNamed((string?)m["department"] ?? "")?.Id, IsYearEndSummary = (bool)m["IsYearEndSummary"]!,
            Agenda = m["agenda"]!.AsArray().Select(a => new AgendaItem { Text = (string)a!["Text"]!, TaskIds = Ids(a["tasks"]) }).ToList(),
            Decisions = m["decisions"]!.AsArray().Select(d => new MeetingDecision
            {
                Text = (string)d!["Text"]!, TaskIds = Ids(d["tasks"]), Deadline = Date(d["deadline"]),
                LeadDepartmentId = directory.DepartmentNamed((string?)d["leadDepartment"] ?? "")?.Id,
                CreatedTaskId = (string?)d["createdTask"] is { } code ? tasks.Find(code)?.Id : null,
            }).ToList(),
            MinutesEvidenceId = (string?)m["minutesSha256"] is { } sha && evidenceBySha.TryGetValue(sha, out var minutes) ? minutes.Id : null,
        };
        store.Meetings.Insert(meeting);
        foreach (var decision in meeting.Decisions.Where(d => d.CreatedTaskId is not null))
        {
            var task = store.Tasks.FindById(decision.CreatedTaskId!.Value)!;
            task.SourceMeetingId = meeting.Id;
            store.Tasks.Update(task);
        }
    }

    private void ImportRecords(KeyTask task, JsonNode records, Dictionary<string, Evidence> evidenceBySha, Dictionary<string, int> orderIds)
    {
        foreach (var o in records["supervisionOrders"]?.AsArray() ?? [])
        {
            var order = new Supervision.SupervisionOrder
            {
                Number = (string)o!["Number"]!, Year = (int)o["Year"]!, Sequence = (int)o["Sequence"]!, TaskId = task.Id, TaskCode = task.Code,
                DepartmentId = directory.DepartmentNamed((string?)o["department"] ?? "")?.Id ?? task.LeadDepartmentId ?? 0,
                What = (string)o["What"]!, Due = Date(o["due"])!.Value, HowToReply = (string?)o["HowToReply"] ?? "",
                SourceDocument = (string?)o["SourceDocument"] ?? "", IssuedOn = Date(o["issuedOn"])!.Value, IssuedBy = (string?)o["IssuedBy"] ?? "",
                AnsweredOn = Date(o["answeredOn"]), AnsweredBy = (string?)o["AnsweredBy"] ?? "",
                WithdrawnOn = Date(o["withdrawnOn"]), WithdrawnBy = (string?)o["WithdrawnBy"] ?? "",
                WithdrawalReason = (string?)o["WithdrawalReason"] ?? "",
            };
            store.SupervisionOrders.Insert(order);
            orderIds[order.Number] = order.Id;
        }
        foreach (var e in records["progressEntries"]?.AsArray() ?? [])
        {
            var entry = new Supervision.ProgressEntry
            {
                TaskId = task.Id, TaskCode = task.Code, Date = Date(e!["date"])!.Value, Text = (string?)e["Text"] ?? "", Completion = (int?)e["Completion"],
                Problems = (string?)e["Problems"] ?? "", NextSteps = (string?)e["NextSteps"] ?? "",
                DepartmentId = directory.DepartmentNamed((string?)e["department"] ?? "")?.Id,
                EvidenceIds = (e["evidence"]?.AsArray() ?? []).Select(sha => evidenceBySha.TryGetValue((string)sha!, out var ev) ? ev.Id : 0).Where(id => id > 0).ToList(),
                SupervisionOrderId = (string?)e["supervisionOrder"] is { } number && orderIds.TryGetValue(number, out var id) ? id : null,
                RecordedAt = e["RecordedAt"]!.GetValue<DateTime>(), RecordedBy = (string?)e["RecordedBy"] ?? "",
            };
            store.Progress.Insert(entry);
            if (entry.SupervisionOrderId is { } answered && store.SupervisionOrders.FindById(answered) is { } order)
            {
                order.ReplyEntryId = entry.Id;
                store.SupervisionOrders.Update(order);
            }
        }
    }

    private static OfficialDocuments.DocumentStep Step(JsonNode? step) => new()
    {
        Kind = Enum.Parse<OfficialDocuments.DocumentStepKind>((string)step!["kind"]!), By = (string?)step["By"] ?? "",
        Account = (string?)step["Account"] ?? "", At = step["At"]!.GetValue<DateTime>(), Opinion = (string?)step["Opinion"] ?? "",
    };

    private void ImportDocuments(JsonNode json, Dictionary<string, Evidence> evidenceBySha, Dictionary<string, int> orderIds)
    {
        int? EvidenceId(JsonNode? sha) => (string?)sha is { Length: > 0 } s && evidenceBySha.TryGetValue(s, out var e) ? e.Id : null;
        var documentIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in json["documents"]!.AsArray())
        {
            var document = new OfficialDocuments.OfficialDocument
            {
                Genre = Enum.Parse<OfficialDocuments.DocumentGenre>((string)d!["genre"]!), Number = (string?)d["Number"] ?? "", Title = (string)d["Title"]!,
                IsIssued = (bool)d["IsIssued"]!, SpecJson = d["spec"]!.ToJsonString(), MarkColor = (string?)d["MarkColor"] ?? OfficialDocuments.OfficialPage.Red,
                MarkSize = (int?)d["MarkSize"] ?? 0, TaskIds = d["tasks"]!.AsArray().Select(c => tasks.Find((string)c!)?.Id).OfType<int>().ToList(),
                ReplyDue = Date(d["replyDue"]), DraftedAt = d["DraftedAt"]!.GetValue<DateTime>(), DraftedBy = (string?)d["DraftedBy"] ?? "",
                IssuedAt = d["IssuedAt"]?.GetValue<DateTime>(), IssuedBy = (string?)d["IssuedBy"] ?? "",
                Steps = (d["steps"]?.AsArray() ?? []).Select(Step).ToList(),
                DocxEvidenceId = EvidenceId(d["docxSha256"]), PdfEvidenceId = EvidenceId(d["pdfSha256"]),
                SupervisionOrderIds = (d["supervisionOrders"]?.AsArray() ?? []).Select(n => orderIds.TryGetValue((string)n!, out var id) ? id : 0).Where(id => id > 0).ToList(),
            };
            store.Documents.Insert(document);
            if (document.Number.Length > 0) documentIds[document.Number] = document.Id;
        }
        foreach (var n in json["numbers"]!.AsArray())
        {
            var number = (string)n!["Number"]!;
            if (store.DocumentNumbers.FindOne(x => x.Number == number) is not null) continue;
            store.DocumentNumbers.Insert(new OfficialDocuments.NumberAllocation
            {
                Number = number, Prefix = (string)n["Prefix"]!, Year = (int)n["Year"]!, Sequence = (int)n["Sequence"]!,
                DocumentId = documentIds.TryGetValue(number, out var id) ? id : null,
                AllocatedAt = n["AllocatedAt"]!.GetValue<DateTime>(), AllocatedBy = (string?)n["AllocatedBy"] ?? "",
                VoidedAt = n["VoidedAt"]?.GetValue<DateTime>(), VoidedBy = (string?)n["VoidedBy"] ?? "", VoidReason = (string?)n["VoidReason"] ?? "",
            });
        }
    }

    private static DateOnly? Date(JsonNode? node) =>
        (string?)node is { Length: > 0 } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
