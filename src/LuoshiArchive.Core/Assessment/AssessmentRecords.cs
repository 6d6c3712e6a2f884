using System.Globalization;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// What people put into an assessment: the leaders' ratings of results (评定, <see cref="Permission.RateResults"/>), the
/// office's bonus and deduction items and accountability records (<see cref="Permission.Supervise"/>). A closed year
/// takes none of them: its results are final until the office reopens it.
/// </summary>
public sealed class AssessmentRecords(
    IAssessmentStore store, TaskRegistry tasks, TimeProvider clock, Audit.AuditLog audit)
{
    public const int MaxTextLength = 500;
    private readonly Audit.AuditLog _audit = audit;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public ResultRating? RatingOf(int taskId) => store.ResultRatings.FindOne(r => r.TaskId == taskId);

    public IReadOnlyList<ScoreAdjustment> AdjustmentsOf(int taskId) =>
        store.ScoreAdjustments.Find(a => a.TaskId == taskId).OrderBy(a => a.RecordedOn).ThenBy(a => a.Id).ToList();

    public IReadOnlyList<AccountabilityEntry> AccountabilityOf(int taskId) =>
        store.Accountability.Find(a => a.TaskId == taskId).OrderBy(a => a.DecidedOn).ThenBy(a => a.Id).ToList();

    /// <summary>A leader rates a task's result; rating again replaces the earlier rating (both stay in the audit trail).</summary>
    public ResultRating Rate(string taskCode, ResultLevel level, string? note, Actor actor)
    {
        Access.Demand(actor, Permission.RateResults, _audit);
        var task = Open(taskCode);
        if (task.Status == KeyTaskStatus.Cancelled) throw new DomainRuleException($"任务 {task.Code} 已撤销，不参加考核。");
        var text = Text(note, "评定意见", required: false);
        return store.InTransaction(() =>
        {
            var rating = RatingOf(task.Id) ?? new ResultRating { TaskId = task.Id, TaskCode = task.Code, Year = task.Year };
            (rating.Level, rating.Note, rating.RatedBy, rating.RatedOn) = (level, text, actor.Name, Today);
            store.ResultRatings.Upsert(rating);
            _audit.Record(actor.Name, "assessment.rated", $"任务 {task.Code}", ChineseLabels.Of(level) + (text.Length > 0 ? $"：{text}" : ""));
            return rating;
        });
    }

    /// <summary>The office adds a bonus (positive points) or a deduction (negative points) with its reason.</summary>
    public ScoreAdjustment Adjust(string taskCode, AdjustmentKind kind, decimal points, string? reason, string? document, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, _audit);
        var task = Open(taskCode);
        if (points == 0 || Math.Abs(points) > 100) throw new DomainRuleException("加减分应为非零的分值（-100至100）。");
        var adjustment = new ScoreAdjustment
        {
            TaskId = task.Id, TaskCode = task.Code, Year = task.Year, Kind = kind, Points = points,
            Reason = Text(reason, "加减分理由", required: true), Document = Text(document, "依据文件", required: false),
            RecordedOn = Today, RecordedBy = actor.Name,
        };
        return store.InTransaction(() =>
        {
            store.ScoreAdjustments.Insert(adjustment);
            _audit.Record(actor.Name, "assessment.adjusted", $"任务 {task.Code}",
                $"{ChineseLabels.Of(kind)} {points.ToString("+0.##;-0.##", CultureInfo.InvariantCulture)}：{adjustment.Reason}");
            return adjustment;
        });
    }

    /// <summary>The office records an accountability decision (问责) on a task: who, the decision, the document.</summary>
    public AccountabilityEntry RecordAccountability(string taskCode, string? who, string? decision, string? document, DateOnly? decidedOn, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, _audit);
        var task = Open(taskCode);
        var entry = new AccountabilityEntry
        {
            TaskId = task.Id, TaskCode = task.Code, Year = task.Year, Who = Text(who, "问责对象", required: true),
            Decision = Text(decision, "问责决定", required: true), Document = Text(document, "问责文件", required: false),
            DecidedOn = decidedOn ?? Today, RecordedBy = actor.Name,
        };
        if (entry.DecidedOn > Today) throw new DomainRuleException("问责决定日期不能晚于今天。");
        return store.InTransaction(() =>
        {
            store.Accountability.Insert(entry);
            _audit.Record(actor.Name, "assessment.accountability", $"任务 {task.Code}", entry.ToString());
            return entry;
        });
    }

    private KeyTask Open(string taskCode)
    {
        var task = tasks.Find(taskCode ?? "") ?? throw new DomainRuleException($"任务“{taskCode}”不存在。");
        if (store.AssessmentClosures.FindById(task.Year) is not null)
            throw new DomainRuleException($"{task.Year}年度考核结果已确定，不能再评定或加减分；如需更正，请先由办公室重新开放该年度考核。");
        return task;
    }

    private static string Text(string? value, string label, bool required)
    {
        var text = (value ?? "").Trim();
        if (required && text.Length == 0) throw new DomainRuleException($"请填写{label}。");
        if (text.Length > MaxTextLength) throw new DomainRuleException($"{label}不能超过{MaxTextLength}字。");
        return text;
    }
}
