using System.Globalization;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// Scores one task under a scheme, as of a day, and writes down why. The formulas (also shown on the scheme page):
/// <list type="bullet">
/// <item>pro-rate = (days from the day the task was added, or 1 January if earlier, to 31 December, both counted) ÷
/// days in the year; weight = list-kind weight × source weight × pro-rate, rounded to 4 decimals;</item>
/// <item>time nodes = the milestones, or the deadline when there are none; a node is judged once it is done or its
/// day is over (by the end of the assessment day), otherwise pending; days late = done − due, or, still undone,
/// assessment day − due + 1; each judged node is worth time points ÷ judged
/// nodes; a late node (done late, or still undone after its day) loses the late deduction per day or per week begun,
/// down to 0; with no node judged yet the time points are given in full; with no node at all, none;</item>
/// <item>result = the points of the rating (unrated: 0); adjustments add or deduct their points; each accountability
/// entry deducts the scheme's accountability points (these belong to the task's year whenever they were recorded: a
/// rating is often given after the year ends);</item>
/// <item>score = time + result + adjustments − accountability, rounded to 2 decimals, never below 0.</item>
/// </list>
/// </summary>
public static class TaskScoring
{
    public static TaskScore Score(KeyTask task, ScoringScheme scheme, DateOnly asOf, ResultRating? rating,
        IEnumerable<ScoreAdjustment> adjustments, IEnumerable<AccountabilityEntry> accountability, string department, string leader)
    {
        var score = new TaskScore
        {
            TaskId = task.Id, Code = task.Code, Name = task.Name, DepartmentId = task.LeadDepartmentId, Department = department,
            LeaderId = task.SupervisingLeaderId, Leader = leader, ListKind = task.ListKind, Source = task.Source, AddedOn = task.AddedOn,
            CompletedOnTime = Drafting.CompletedOnTime(task),
        };
        var lines = score.Explanation;
        Weigh(task, scheme, score, lines);
        score.TimelinessPoints = Timeliness(task, scheme, asOf, score, lines);

        if (rating is not null)
        {
            score.Rating = rating.Level;
            score.ResultPoints = scheme.PointsFor(rating.Level);
            lines.Add($"完成效果：{ChineseLabels.Of(rating.Level)}（{rating.RatedBy} {rating.RatedOn:yyyy-MM-dd} 评定）{Signed(score.ResultPoints)}");
        }
        else lines.Add("完成效果：尚未评定，0分");

        foreach (var a in adjustments.OrderBy(a => a.RecordedOn).ThenBy(a => a.Id))
        {
            score.AdjustmentPoints += a.Points;
            lines.Add($"加减分：{ChineseLabels.Of(a.Kind)}，{a.Reason}" + (a.Document.Length > 0 ? $"（{a.Document}）" : "") + $" {Signed(a.Points)}");
        }
        foreach (var entry in accountability.OrderBy(e => e.DecidedOn).ThenBy(e => e.Id))
        {
            score.Accountability.Add(entry.ToString());
            score.AdjustmentPoints -= scheme.AccountabilityDeduction;
            lines.Add($"问责：{entry} {Signed(-scheme.AccountabilityDeduction)}");
        }

        var total = score.TimelinessPoints + score.ResultPoints + score.AdjustmentPoints;
        score.Score = Math.Max(0, Round(total, 2));
        score.Failing = score.Score < scheme.PassLine || score.Rating == ResultLevel.Fail;
        lines.Add($"得分：时效 {Points(score.TimelinessPoints)} + 完成效果 {Points(score.ResultPoints)} + 加减分 {Points(score.AdjustmentPoints)}"
                  + $" = {Points(score.Score)}" + (total < 0 ? "（不低于0分）" : ""));
        return score;
    }

    /// <summary>Days the task counts for, and the days of its year: (31 Dec − max(added, 1 Jan)) + 1, and 365 or 366.</summary>
    public static (int Days, int DaysInYear) ProRateDays(KeyTask task)
    {
        var first = new DateOnly(task.Year, 1, 1);
        var last = new DateOnly(task.Year, 12, 31);
        var added = task.AddedOn < first ? first : task.AddedOn > last ? last : task.AddedOn;
        return (last.DayNumber - added.DayNumber + 1, DateTime.IsLeapYear(task.Year) ? 366 : 365);
    }

    private static void Weigh(KeyTask task, ScoringScheme scheme, TaskScore score, List<string> lines)
    {
        var kind = scheme.WeightOf(task.ListKind);
        var source = scheme.WeightOf(task.Source);
        var (days, daysInYear) = ProRateDays(task);
        score.ProRate = (decimal)days / daysInYear;
        score.Weight = Round(kind * source * score.ProRate, 4);
        var weightLine = $"权重：{ChineseLabels.Of(task.ListKind)} {kind.ToString(CultureInfo.InvariantCulture)} × "
                         + $"{ChineseLabels.Of(task.Source)} {source.ToString(CultureInfo.InvariantCulture)}";
        lines.Add(days == daysInYear
            ? weightLine + $" = {score.Weight.ToString("0.####", CultureInfo.InvariantCulture)}"
            : weightLine + $" × 年中新增折算 {days}/{daysInYear}（{task.AddedOn:yyyy-MM-dd} 列入清单）= {score.Weight.ToString("0.####", CultureInfo.InvariantCulture)}");
    }

    private static decimal Timeliness(KeyTask task, ScoringScheme scheme, DateOnly asOf, TaskScore score, List<string> lines)
    {
        var nodes = task.Milestones.Count > 0
            ? task.Milestones.OrderBy(m => m.Due).Select(m => (m.Due, What: m.Description, DoneOn: DoneBy(m, asOf))).ToList()
            : task.Deadline is { } deadline
                // Without milestones the deadline is the one node; a task carries no completion date, so done counts as on time.
                ? [(deadline, "完成时限", task.Status == KeyTaskStatus.Completed ? (DateOnly?)deadline : null)]
                : [];
        if (nodes.Count == 0)
        {
            lines.Add("时效：未明确时间节点和完成时限，时效分不计，0分");
            return 0;
        }
        var judged = nodes.Where(n => n.DoneOn is not null || n.Due <= asOf).ToList();
        score.NodesPending = nodes.Count - judged.Count;
        if (judged.Count == 0)
        {
            lines.Add($"时效：截至 {asOf:yyyy-MM-dd} 尚无到期节点（{nodes.Count} 个未到期），时效分暂按满分计 {Signed(scheme.TimelinessPoints)}");
            return scheme.TimelinessPoints;
        }
        var share = scheme.TimelinessPoints / judged.Count;
        lines.Add($"时效：{judged.Count} 个节点参与考核，每个 {Points(share)} 分" + (score.NodesPending > 0 ? $"（另有 {score.NodesPending} 个未到期，不计）" : ""));
        var total = 0m;
        foreach (var (due, what, doneOn) in judged)
        {
            // Judged at the end of the assessment day: a node still undone then is late by at least that day.
            var daysLate = doneOn is { } finished ? finished.DayNumber - due.DayNumber : asOf.DayNumber - due.DayNumber + 1;
            if (daysLate <= 0)
            {
                score.NodesOnTime++;
                total += share;
                lines.Add($"· {due:yyyy-MM-dd} {what}：按时完成{(doneOn is { } d && d != due ? $"（{d:yyyy-MM-dd}）" : "")} {Signed(share)}");
                continue;
            }
            score.NodesLate++;
            var deduction = Math.Min(share, scheme.LateDeductionFor(daysLate));
            total += share - deduction;
            var how = doneOn is { } done ? $"逾期 {daysLate} 天完成（{done:yyyy-MM-dd}）" : $"截至 {asOf:yyyy-MM-dd} 逾期 {daysLate} 天未完成";
            var unit = scheme.LateUnit == LateUnit.Day ? $"{daysLate} 天" : $"{(daysLate + 6) / 7} 周";
            lines.Add($"· {due:yyyy-MM-dd} {what}：{how}，每{(scheme.LateUnit == LateUnit.Day ? "天" : "周")}扣 {Points(scheme.LateDeduction)} 分 × {unit}"
                      + $"，扣 {Points(deduction)} {Signed(share - deduction)}");
        }
        return total;
    }

    private static DateOnly? DoneBy(Milestone milestone, DateOnly asOf) =>
        !milestone.Done ? null
        : milestone.DoneOn is { } on ? (on <= asOf ? on : null)
        : milestone.Due; // done with no date (imported): counted on time

    internal static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    public static string Points(decimal value) => Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Signed(decimal value) => (value >= 0 ? "+" : "") + Points(value);
}
