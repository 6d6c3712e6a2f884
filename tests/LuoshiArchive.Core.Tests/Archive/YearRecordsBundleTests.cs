using System.IO.Compression;
using System.Security.Cryptography;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tests.Supervision;

namespace LuoshiArchive.Core.Tests.Archive;

/// <summary>
/// The year's submitted self-checks, saved leader reports and closed reconciliations travel in the annual bundle as
/// catalogued 件 and come back on <c>bundle import</c> byte for byte, with their records.
/// </summary>
public sealed class YearRecordsBundleTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 6, 5));
    private readonly string _out = Directory.CreateTempSubdirectory("luoshi-year-records-").FullName;

    private async Task LiveTheQuarter()
    {
        var ledger = _world.Task("建立重点任务台账", _world.Office, new DateOnly(2018, 12, 31),
            (new DateOnly(2018, 6, 10), "形成初稿"));
        var survey = _world.Task("开展课后服务调研", _world.Basic, new DateOnly(2018, 12, 31));
        await _world.Report(ledger, new DateOnly(2018, 6, 5), "台账初稿起草中");
        _world.Clock.MoveTo(new DateOnly(2018, 7, 3));
        _world.SelfChecks.Submit(_world.Basic.Id, 2018, 6,
            [new SelfCheckRowInput(survey.Id, "调研方案已报批", "方案批复较晚", "7月开展调研", SelfRating.FairlyGood)], "按计划推进",
            _world.BasicClerk);
        var draft = _world.LeaderReports.Compile(_world.Leader.Id, 2018, 2);
        _world.LeaderReports.Save(_world.Leader.Id, 2018, 2, draft.Title, draft.Progress, draft.Problems, "下季度完成台账定稿",
            _world.LeaderActor);
        var june = _world.ClosedReconciliations.Close(ReportingPeriod.OfMonth(2018, 6), new DateOnly(2018, 7, 10),
            _world.Supervisor);
        _world.ClosedReconciliations.Answer(june.Id, survey.Id, false, "调研方案6月底才批复", _world.BasicClerk);
    }

    [Fact]
    public async Task Self_checks_leader_reports_and_reconciliations_are_catalogued_and_restored_byte_for_byte()
    {
        await LiveTheQuarter();
        var store = _world.Storage.Store;
        var form = store.SelfChecks.FindAll().Single();
        var report = store.LeaderReports.FindAll().Single();
        var closed = store.Reconciliations.FindAll().Single();
        var kept = new[] { form.DocxSha256, form.XlsxSha256, report.DocxSha256, closed.XlsxSha256 };
        var originals = kept.Select(_world.Kept.Read).ToList();
        _world.Storage.Close();

        var bundle = Path.Combine(_out, "2018.zip");
        Assert.Equal(0, await Cli(["bundle", "export", "--year", "2018", "--out", bundle,
            .. TestDatabase.StorageOptions(_world.Storage.Path)]));
        Assert.Empty(BagVerifier.Verify(bundle));
        Assert.Equal(0, await Cli(["bundle", "verify", bundle]));
        using (var zip = ZipFile.OpenRead(bundle))
        {
            var payload = zip.Entries.Where(e => e.FullName.Contains("/data/年度记录/")).ToList();
            Assert.Equal(4, payload.Count);
            Assert.Equal(kept.Order(), payload.Select(e => Sha(e)).Order());
            var catalogue = zip.Entries.Single(e => e.FullName.EndsWith("/data/归档文件目录.xlsx", StringComparison.Ordinal));
            using var sheet = new MemoryStream();
            using (var s = catalogue.Open()) s.CopyTo(sheet);
            sheet.Position = 0;
            var rows = SheetReader.Read(sheet, 100).Select(r => r.Cells).ToList();
            string CodeOf(string title) => rows.Single(r => r.Values.Contains(title))[1];
            var checkCode = CodeOf("[基础教育处2018年6月自查自评表]");
            Assert.StartsWith("0000-WS·2018-D30-JJC-", checkCode);
            Assert.Contains(payload, e => e.Name == $"{checkCode}-基础教育处2018年6月自查自评表.docx");
            Assert.Contains(payload, e => e.Name == $"{CodeOf("[2018年6月对账表]")}-2018年6月对账表.xlsx");
            Assert.Contains(payload, e => e.Name.StartsWith(CodeOf($"[{report.Title}]") + "-",
                StringComparison.Ordinal));
        }

        var other = Path.Combine(_out, "restored");
        Assert.Equal(0, await Cli(["bundle", "import", bundle, .. TestDatabase.StorageOptions(other)]));
        using var restored = TestDatabase.Open(other);
        var blobs = new KeptFiles(new BlobStore(other));
        var back = restored.SelfChecks.FindAll().Single();
        var backReport = restored.LeaderReports.FindAll().Single();
        var backClosed = restored.Reconciliations.FindAll().Single();
        Assert.Equal(kept, new[] { back.DocxSha256, back.XlsxSha256, backReport.DocxSha256, backClosed.XlsxSha256 });
        Assert.Equal(originals, kept.Select(blobs.Read));

        var basic = restored.Departments.FindOne(d => d.Name == "基础教育处")!;
        Assert.Equal((basic.Id, form.SubmittedAt, form.Summary), (back.DepartmentId, back.SubmittedAt, back.Summary));
        var surveyCode = form.Rows[0].TaskCode;
        Assert.Equal(restored.Tasks.FindOne(t => t.Code == surveyCode)!.Id, back.Rows[0].TaskId);
        Assert.Equal(("方案批复较晚", SelfRating.FairlyGood), (back.Rows[0].Problems, back.Rows[0].Rating));
        Assert.Equal(restored.People.FindOne(p => p.Name == "王建国")!.Id, backReport.LeaderId);
        Assert.Equal((report.Title, report.Proposals, report.SavedAt),
            (backReport.Title, backReport.Proposals, backReport.SavedAt));
        Assert.Equal((closed.Key, closed.AnswerDue, closed.ClosedBy),
            (backClosed.Key, backClosed.AnswerDue, backClosed.ClosedBy));
        var answered = backClosed.Rows.Single(r => r.Answer is not null);
        Assert.Equal(("调研方案6月底才批复", basic.Id), (answered.AnswerText, answered.LeadDepartmentId));
        Assert.Equal(closed.Rows.Select(r => string.Join("|", r.Flags)),
            backClosed.Rows.Select(r => string.Join("|", r.Flags)));
    }

    private static string Sha(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private Task<int> Cli(params string[] args) =>
        LuoshiCli.RunAsync(args, new StringWriter(), new StringWriter(), new StringReader(""), _world.Clock);

    public void Dispose()
    {
        _world.Dispose();
        Directory.Delete(_out, recursive: true);
    }
}
