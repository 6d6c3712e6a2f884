using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// Reconciliation (对账), monthly and quarterly: every task of the year against its progress and evidence in the period,
/// flagging tasks without progress, milestones missed and steps reported done without evidence.
/// </summary>
public sealed class ReconciliationService(ISupervisionStore store, TaskRegistry tasks, ProgressLog progress, TimeProvider clock)
{
    public ReconciliationReport For(ReportingPeriod period, int? departmentId = null, int? leaderId = null)
    {
        var today = tasks.Today;
        var entries = progress.Between(new DateOnly(period.Year - 1, 1, 1), period.To).ToLookup(e => e.TaskId);
        var evidence = store.Evidence.Find(e => e.Removal == null).ToList();
        var rows = tasks.List(new TaskFilter { Year = period.Year, LeadDepartmentId = departmentId, SupervisingLeaderId = leaderId })
            .Where(i => i.Task.AddedOn <= period.To)
            .Select(i => RowFor(i, period, today, entries[i.Task.Id].ToList(), evidence))
            .ToList();
        return new ReconciliationReport(period, today, rows);
    }

    private ReconciliationRow RowFor(TaskListItem item, ReportingPeriod period, DateOnly today, IReadOnlyList<ProgressEntry> entries,
        IReadOnlyList<Evidence> evidence)
    {
        var task = item.Task;
        var inPeriod = entries.Count(e => period.Contains(e.Date));
        var lastProgress = entries.Select(e => (DateOnly?)e.Date).Max();
        var due = task.Milestones.Where(m => period.Contains(m.Due)).OrderBy(m => m.Due).ToList();
        var dossier = evidence.Where(e => e.IsFiledIn(task.Id)).ToList();
        var added = dossier.Count(e => e.Links.Any(l => l.TaskId == task.Id && period.Contains(LocalDate(l.LinkedAt))));
        var finished = task.IsSettled;
        var flags = new List<ReconciliationFlag>();

        // A period not yet begun has nothing to report; a finished task owes no more progress.
        if (!finished && period.From <= today && inPeriod == 0)
            flags.Add(new(ReconciliationFlagKind.NoProgress, lastProgress is { } last ? $"最近一次 {last:yyyy-MM-dd}" : "从未报送"));
        foreach (var m in due.Where(m => m.Due < today && (!m.Done || m.WasDoneLate)))
            flags.Add(new(ReconciliationFlagKind.MilestoneMissed,
                $"{m.Due:yyyy-MM-dd} {m.Description}" + (m.Done ? $"（{m.DoneOn:yyyy-MM-dd} 完成）" : "（未完成）")));
        var live = dossier.Select(e => e.Id).ToHashSet();
        foreach (var m in task.Milestones.Where(m => m.Done && (period.Contains(m.Due) || m.DoneOn is { } on && period.Contains(on))))
        {
            if (!m.EvidenceIds.Any(live.Contains))
                flags.Add(new(ReconciliationFlagKind.EvidenceMissing,
                    $"{m.Due:yyyy-MM-dd} {m.Description}" + (m.EvidenceToFollow ? "（佐证材料后补）" : "")));
        }
        if (task.Status == KeyTaskStatus.Completed && dossier.Count == 0)
            flags.Add(new(ReconciliationFlagKind.EvidenceMissing, "任务已完成，档案中无佐证材料"
                + (task.Closure?.EvidenceToFollow == true ? "（佐证材料后补）" : "")));
        return new ReconciliationRow(task, item.Light, item.LeadDepartment, item.SupervisingLeader, lastProgress, inPeriod, due, added, flags);
    }

    public void WriteXlsx(ReconciliationReport report, Stream output, string? title = null) =>
        SheetWriter.Write(output, $"{report.Period.Label}对账",
            ["序号", "任务编号", "任务名称", "牵头处室", "分管委领导", "状态", "信号", "最近进展", "本期进展(条)", "本期到期节点", "本期新增佐证(件)", "问题标记"],
            report.Rows.Select((r, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(), r.Task.Code, r.Task.Name, r.LeadDepartment, r.SupervisingLeader, ChineseLabels.Of(r.Task.Status),
                ChineseLabels.Of(r.Light), r.LastProgress?.ToString("yyyy-MM-dd") ?? "无", r.ProgressInPeriod.ToString(),
                string.Join("\n", r.MilestonesDue.Select(m => m.ToString())), r.EvidenceAdded.ToString(),
                string.Join("\n", r.Flags.Select(f => f.ToString())),
            ]),
            [6, 11, 30, 14, 10, 8, 6, 11, 8, 30, 10, 36], title);

    private DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone));
}
