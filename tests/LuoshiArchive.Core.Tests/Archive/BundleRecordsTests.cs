using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Archive;

/// <summary>
/// The year's records travel in the annual bundle and come back on import: the issued documents register and the
/// 发文字号 book (a voided number stays voided), progress entries, supervision orders with their replies, and the
/// audit extract whose hash chain can be re-checked from the file alone.
/// </summary>
public sealed class BundleRecordsTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 11, 20));
    private readonly string _out = Directory.CreateTempSubdirectory("luoshi-records-").FullName;

    public void Dispose()
    {
        _storage.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task Documents_numbers_progress_orders_and_audit_go_out_in_the_bundle_and_come_back_on_import()
    {
        var office = new Actor("督查科王", UserRole.OfficeSupervisor);
        var higher = _storage.Directory.SaveDepartment(new Department { Name = "高等教育处", Code = "GJC" });
        var late = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "推进高校一流学科建设", LeadDepartmentId = higher.Id, Deadline = new DateOnly(2018, 10, 31) }, Actor.Console());
        var progress = new ProgressLog(_storage.Store, _storage.Tasks, _storage.Dossiers, _storage.Clock,
            _storage.Audit);
        var supervision = new SupervisionService(_storage.Store, _storage.Tasks, progress, _storage.Directory,
            new LuoshiOptions { StoragePath = _storage.Path }, _storage.Reading, _storage.Audit);
        var voided = _storage.Numbers.Next("津教委", 2018, null, Actor.Console());
        _storage.Numbers.Void(voided.Number, "误取号", office);
        var draft = _storage.Documents.StartCriticism([late.Code], office);
        _storage.SignedOff(draft.Id);
        var issued = await _storage.Documents.IssueAsync(draft.Id, office);
        Assert.Equal("津教委〔2018〕2号", issued.Number);
        await progress.AddAsync(late.Code, new ProgressDraft { Date = new DateOnly(2018, 11, 20), Text = "已完成中期评估，正在整改", Completion = 80 }, [],
            new Actor("高教处赵", UserRole.DepartmentUser, higher.Id));
        _storage.Close();

        var bundle = Path.Combine(_out, "2018.zip");
        Assert.Equal(0, await Cli(["bundle", "export", "--year", "2018", "--out", bundle, .. TestDatabase.StorageOptions(_storage.Path)]));
        using (var zip = ZipFile.OpenRead(bundle))
        {
            string Text(string name) => new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("/data/" + name, StringComparison.Ordinal) || e.FullName == "data/" + name).Open()).ReadToEnd();
            var documents = JsonNode.Parse(Text("documents.json"))!;
            Assert.Equal("津教委〔2018〕2号", (string)documents["documents"]![0]!["Number"]!);
            Assert.Equal("误取号", (string)documents["numbers"]![0]!["VoidReason"]!);
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("data/发文登记.xlsx", StringComparison.Ordinal));
            var metadata = JsonNode.Parse(new StreamReader(zip.Entries.Single(e => e.FullName.Contains($"/{late.Code}-") && e.FullName.EndsWith("metadata.json")).Open()).ReadToEnd())!;
            Assert.Equal("已完成中期评估，正在整改", (string)metadata["records"]!["progressEntries"]![0]!["Text"]!);
            Assert.Contains("津教委〔2018〕2号", (string)metadata["records"]!["supervisionOrders"]![0]!["SourceDocument"]!);

            // The audit extract's chain holds: each entry's hash covers the previous one's.
            var audit = JsonNode.Parse(Text("audit.json"))!.AsArray();
            Assert.Contains(audit, e => (string)e!["Action"]! == "document.issued");
            for (var i = 1; i < audit.Count; i++) Assert.Equal((string)audit[i - 1]!["Hash"]!, (string)audit[i]!["PreviousHash"]!);
            var last = audit[^1]!;
            // Keyed: whoever holds the audit key (kept beside the storage folder) can recompute it.
            var key = File.ReadAllBytes(new LuoshiOptions { StoragePath = _storage.Path }.AuditKeyFile);
            var recomputed = "hmac:" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(
                string.Join('\u001f', (string)last["PreviousHash"]!, (string)last["at"]!, (string)last["Who"]!,
                    (string)last["Action"]!, (string)last["Subject"]!, (string)last["Details"]!))));
            Assert.Equal((string)last["Hash"]!, recomputed);
        }

        var other = Path.Combine(_out, "restored");
        Assert.Equal(0, await Cli(["bundle", "import", bundle, .. TestDatabase.StorageOptions(other)]));
        using var restored = TestDatabase.Open(other);
        var document = Assert.Single(restored.Documents.FindAll());
        Assert.Equal(("津教委〔2018〕2号", true), (document.Number, document.IsIssued));
        // 送核稿, 核稿 and 签发 come back with who, when and the opinion.
        Assert.Equal([DocumentStepKind.Submitted, DocumentStepKind.Reviewed, DocumentStepKind.SignedOff], document.Steps.Select(x => x.Kind));
        Assert.Equal(("委领导", "同意印发。"), (document.Step(DocumentStepKind.SignedOff)!.By, document.Step(DocumentStepKind.SignedOff)!.Opinion));
        Assert.Equal(issued.Steps.Select(x => x.At), document.Steps.Select(x => x.At));
        Assert.NotNull(document.DocxEvidenceId);
        Assert.Equal("津教委〔2018〕2号", restored.Evidence.FindById(document.DocxEvidenceId!.Value)!.Number);
        var numbers = restored.DocumentNumbers.FindAll().OrderBy(n => n.Sequence).ToList();
        Assert.Equal(["津教委〔2018〕1号", "津教委〔2018〕2号"], numbers.Select(n => n.Number));
        Assert.NotNull(numbers[0].VoidedAt);
        Assert.Equal(document.Id, numbers[1].DocumentId);
        var order = Assert.Single(restored.SupervisionOrders.FindAll());
        Assert.Equal([order.Id], document.SupervisionOrderIds);
        Assert.Equal(new DateOnly(2018, 12, 5), order.Due);
        var entry = Assert.Single(restored.Progress.FindAll());
        Assert.Equal((80, "已完成中期评估，正在整改"), (entry.Completion!.Value, entry.Text));
    }

    private Task<int> Cli(params string[] args) =>
        LuoshiCli.RunAsync(args, new StringWriter(), new StringWriter(), new StringReader(""), _storage.Clock);
}
