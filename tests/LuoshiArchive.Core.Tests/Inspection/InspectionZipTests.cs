using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Inspection;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tests.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Inspection;

/// <summary>
/// The inspection ZIP as an inspector opens it: the dossiers, the 目录 naming the tasks with nothing filed, and the
/// task ledger (targets, steps, latest progress, 督办单) with the list of the gaps the office chose to count.
/// </summary>
public sealed class InspectionZipTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 6, 15));
    private readonly InspectionService _inspection;
    private readonly KeyTask _reported;
    private readonly KeyTask _empty;

    public InspectionZipTests()
    {
        var s = _world.Storage;
        _inspection = new InspectionService(s.Tasks, s.Dossiers, s.Directory, new LuoshiOptions { StoragePath = s.Path },
            s.Reading, _world.Progress, _world.Supervision);
        _reported = _world.Task("推进课后服务全覆盖", _world.Basic, new DateOnly(2018, 12, 31), (new DateOnly(2018, 5, 31), "完成摸底"));
        _empty = _world.Task("开展校园安全检查", _world.Basic, new DateOnly(2018, 9, 30));
    }

    [Fact]
    public async Task The_zip_holds_the_ledger_and_gap_list_and_its_index_names_tasks_without_evidence()
    {
        await _world.Report(_reported, new DateOnly(2018, 6, 10), "已完成全市摸底，覆盖率 92%", completion: 60,
            files: SupervisionWorld.File("摸底报告.txt", "课后服务摸底报告"));
        _world.Storage.Tasks.MarkMilestone(_reported.Code, _reported.Milestones[0].Id, done: true, Actor.Console("办公室"),
            MilestoneProof.ToFollow);
        _world.Supervision.Issue(new SupervisionOrderDraft
        {
            TaskCode = _empty.Code, What = "报送安全检查方案", Due = new DateOnly(2018, 6, 30),
        }, _world.Supervisor);

        var selection = new InspectionSelection { Year = 2018, DepartmentId = _world.Basic.Id };
        using var zip = new MemoryStream();
        _inspection.WriteZip(selection, Actor.Console("办公室"), zip);

        using var archive = new ZipArchive(new MemoryStream(zip.ToArray()));
        var index = SheetText(archive, "目录.xlsx");
        Assert.Contains(index, row => row.StartsWith($"{_empty.Code}|开展校园安全检查||{DossierZip.NoEvidence}", StringComparison.Ordinal));
        Assert.Contains(index, row => row.StartsWith($"{_reported.Code}|推进课后服务全覆盖|0001|课后服务摸底报告", StringComparison.Ordinal));

        var ledger = SheetText(archive, InspectionLedger.FileName);
        Assert.Equal(string.Join("|", InspectionLedger.LedgerColumns), ledger[0]);
        var reported = ledger.First(r => r.StartsWith(_reported.Code, StringComparison.Ordinal)); // the ledger sheet comes first
        Assert.Contains("推进课后服务全覆盖目标|按期完成|2018-12-31|推进中", reported);
        Assert.Contains("2018-05-31 完成摸底 [已完成]", reported);
        Assert.Contains("2018-06-10（完成 60%）：已完成全市摸底，覆盖率 92%", reported);
        Assert.Contains("节点“完成摸底”已完成但未关联佐证材料", reported);
        var empty = ledger.First(r => r.StartsWith(_empty.Code, StringComparison.Ordinal));
        Assert.Contains("尚未报送进展", empty);
        Assert.Contains("督办〔2018〕1号：报送安全检查方案（时限 2018-06-30，", empty);
        // The gap list: one line per gap that counted, on its own sheet.
        Assert.Contains(string.Join("|", InspectionLedger.GapColumns), ledger);
        Assert.Contains($"{_empty.Code}|开展校园安全检查|基础教育处|无佐证材料", ledger);
        Assert.Contains($"{_reported.Code}|推进课后服务全覆盖|基础教育处|节点“完成摸底”已完成但未关联佐证材料", ledger);
    }

    [Fact]
    public void Gaps_the_office_did_not_count_are_neither_flagged_nor_listed()
    {
        var selection = new InspectionSelection { Year = 2018, TaskCodes = [_empty.Code], Gaps = new HashSet<InspectionGap>() };
        var row = Assert.Single(_inspection.Rows(selection, Actor.Console("办公室")));
        Assert.Empty(row.Flags);

        using var zip = new MemoryStream();
        _inspection.WriteZip(selection, Actor.Console("办公室"), zip);
        using var archive = new ZipArchive(new MemoryStream(zip.ToArray()));
        Assert.DoesNotContain(SheetText(archive, InspectionLedger.FileName), r => r.Contains("无佐证材料", StringComparison.Ordinal));
        // The index still says the dossier is empty: that is a fact, not a gap the office weighs.
        Assert.Contains(SheetText(archive, "目录.xlsx"), r => r.Contains(DossierZip.NoEvidence, StringComparison.Ordinal));
    }

    /// <summary>Every row of every sheet of the workbook at data/<paramref name="name"/>, cells joined by "|".</summary>
    private static List<string> SheetText(ZipArchive archive, string name)
    {
        var entry = archive.Entries.Single(e => e.FullName.EndsWith("/data/" + name, StringComparison.Ordinal));
        using var copy = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(copy);
        copy.Position = 0;
        using var workbook = SpreadsheetDocument.Open(copy, false);
        var part = workbook.WorkbookPart!;
        return part.Workbook.Sheets!.Elements<Sheet>()
            .Select(sheet => (WorksheetPart)part.GetPartById(sheet.Id!.Value!))
            .SelectMany(p => p.Worksheet.Descendants<Row>())
            .Select(r => string.Join("|", r.Elements<Cell>().Select(c => c.InnerText))).ToList();
    }

    public void Dispose() => _world.Dispose();
}
