using System.Globalization;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Inspection;

/// <summary>
/// The task ledger that goes into the inspection ZIP beside the dossiers (任务台账.xlsx): one row per task with its
/// target, standard, deadline, steps, latest progress and 督办单, and a second sheet listing the gaps that counted.
/// </summary>
internal sealed class InspectionLedger(IReadOnlyList<InspectionRow> rows, ProgressLog progress,
    SupervisionService supervision, DateOnly today)
{
    public const string FileName = "任务台账.xlsx";

    public static readonly IReadOnlyList<string> LedgerColumns =
    [
        "任务编号", "任务名称", "牵头处室", "分管委领导", "目标任务", "工作标准", "完成时限", "状态", "信号",
        "时间节点", "最新进展", "督办单", "佐证材料（件）", "问题",
    ];

    public static readonly IReadOnlyList<string> GapColumns = ["任务编号", "任务名称", "牵头处室", "问题"];

    public void Write(Stream output)
    {
        var ledger = rows.Select(r => (IReadOnlyList<string>)
        [
            r.Task.Code, r.Task.Name, r.LeadDepartment, r.SupervisingLeader, r.Task.Target, r.Task.Standard,
            r.Task.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", ChineseLabels.Of(r.Task.Status),
            ChineseLabels.Of(r.Light), string.Join("\n", r.Task.Milestones.Select(m => m.ToString())),
            LatestProgress(r.Task.Id), Orders(r.Task.Id), r.EvidenceTotal.ToString(CultureInfo.InvariantCulture),
            string.Join("\n", r.Flags),
        ]).ToList();
        var gaps = rows.SelectMany(r => r.Flags.Select(f => (IReadOnlyList<string>)
            [r.Task.Code, r.Task.Name, r.LeadDepartment, f])).ToList();
        // OpenXml needs a seekable stream for the package.
        using var sheet = new MemoryStream();
        SheetWriter.Write(sheet,
        [
            new SheetContent("任务台账", LedgerColumns, ledger, [12, 28, 14, 10, 36, 36, 12, 8, 6, 36, 40, 30, 8, 30]),
            new SheetContent("问题清单", GapColumns, gaps.Count > 0 ? gaps : [["", "（计入的问题均未发现）", "", ""]],
                [12, 36, 16, 50]),
        ]);
        sheet.Position = 0;
        sheet.CopyTo(output);
    }

    private string LatestProgress(int taskId) =>
        progress.Of(taskId).OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).FirstOrDefault() is { } e
            ? $"{e.Date:yyyy-MM-dd}{(e.Completion is { } c ? $"（完成 {c}%）" : "")}：{e.Text}"
            : "尚未报送进展";

    private string Orders(int taskId) => string.Join("\n", supervision.List(taskId: taskId).Select(o =>
        $"{o.Number}：{o.What}（时限 {o.Due:yyyy-MM-dd}，{ChineseLabels.Of(o.StateOn(today))}）"));
}
