using LuoshiArchive.Core.Supervision;
using System.Globalization;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// The assessment (考核): every task of a year scored item by item (<see cref="TaskScoring"/>), departments ranked and
/// leader areas summed up (<see cref="Ranking"/>). An open year is computed live with the latest scheme; closing a year
/// (office) stores its results with a copy of the scheme, so later scheme edits, ratings or tasks never change them.
/// </summary>
public sealed class AssessmentService(IAssessmentStore store, OrganisationDirectory directory, ScoringSchemes schemes,
    OfficialDocumentService documents, TimeProvider clock, LuoshiOptions options, ReadAccess reading,
    Audit.AuditLog audit)
{
    private readonly Audit.AuditLog _audit = audit;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public ScoringSchemes Schemes => schemes;

    public AssessmentResult? Closure(int year) => store.AssessmentClosures.FindById(year);

    public bool IsClosed(int year) => Closure(year) is not null;

    /// <summary>The year's annual results: as stored when closed, else computed now with the latest scheme.</summary>
    public AssessmentResult Result(int year) => Closure(year) ?? Compute(year, quarter: null);

    /// <summary>
    /// The year's (or a quarter's) results as <paramref name="actor"/> may read them: with departments closed, a
    /// department user sees the scores of the tasks they may read and their own department's rank, no leader areas.
    /// </summary>
    public AssessmentResult Result(int year, int? quarter, Actor actor)
    {
        var result = quarter is null ? Result(year) : Compute(year, quarter);
        if (reading.ReadsEveryTask(actor)) return result;
        return new AssessmentResult
        {
            Id = result.Id, Year = result.Year, Quarter = result.Quarter, AsOf = result.AsOf, Scheme = result.Scheme,
            Closed = result.Closed, ClosedBy = result.ClosedBy, ClosedAt = result.ClosedAt,
            Tasks = reading.Only(result.Tasks, t => t.TaskId, actor).ToList(),
            Departments = result.Departments.Where(d => reading.MayReadDepartment(actor, d.DepartmentId)).ToList(),
            Leaders = [],
        };
    }

    /// <summary>
    /// The results for the year or one quarter, judged at the end of the period's last day (or of yesterday, while it runs).
    /// A closed year's quarters are computed with the scheme it was closed with.
    /// </summary>
    public AssessmentResult Compute(int year, int? quarter, ScoringScheme? scheme = null)
    {
        if (year is < 2000 or > 2100) throw new DomainRuleException("年度应在2000至2100之间。");
        var periodEnd = quarter is { } q ? ReportingPeriod.OfQuarter(year, q).To : new DateOnly(year, 12, 31);
        scheme ??= Closure(year)?.Scheme ?? schemes.Current(year);
        // Judged at the end of a day: the period's last day, or yesterday while the period runs.
        var asOf = periodEnd < Today ? periodEnd : Today.AddDays(-1);
        var departments = directory.Departments().ToDictionary(d => d.Id, d => d.Name);
        var people = directory.People().ToDictionary(p => p.Id, p => p.Name);
        var ratings = store.ResultRatings.Find(r => r.Year == year).ToDictionary(r => r.TaskId);
        var adjustments = store.ScoreAdjustments.Find(a => a.Year == year).ToLookup(a => a.TaskId);
        var accountability = store.Accountability.Find(a => a.Year == year).ToLookup(a => a.TaskId);
        var scores = store.Tasks.Find(t => t.Year == year)
            .Where(t => t.Status != KeyTaskStatus.Cancelled && t.AddedOn <= (periodEnd < Today ? periodEnd : Today))
            .OrderBy(t => t.Code, StringComparer.Ordinal)
            .Select(t => TaskScoring.Score(t, scheme, asOf, ratings.GetValueOrDefault(t.Id), adjustments[t.Id], accountability[t.Id],
                t.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d, "") : "",
                t.SupervisingLeaderId is { } l ? people.GetValueOrDefault(l, "") : ""))
            .ToList();
        return new AssessmentResult
        {
            Year = year, Quarter = quarter, AsOf = asOf, Scheme = scheme.Copy(), Tasks = scores,
            Departments = Ranking.Departments(scores), Leaders = Ranking.Leaders(scores),
        };
    }

    /// <summary>Closes the year (office): its annual results are computed now and kept as they are.</summary>
    public AssessmentResult Close(int year, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, _audit);
        return store.InTransaction(() =>
        {
            if (IsClosed(year)) throw new DomainRuleException($"{year}年度考核结果已确定。");
            var result = Compute(year, quarter: null);
            if (result.Tasks.Count == 0) throw new DomainRuleException($"{year}年度没有参加考核的任务。");
            (result.Id, result.Closed, result.ClosedBy, result.ClosedAt) = (year, true, actor.Name, clock.GetUtcNow().UtcDateTime);
            store.AssessmentClosures.Insert(result);
            _audit.Record(actor.Name, "assessment.closed", $"{year}年度考核",
                $"按评分办法第 {result.Scheme.Version.ToString(CultureInfo.InvariantCulture)} 版确定，{result.Tasks.Count} 项任务，{result.Departments.Count} 个处室");
            return result;
        });
    }

    /// <summary>Reopens a closed year (office), e.g. to correct a rating; its results are computed live again.</summary>
    public void Reopen(int year, string? reason, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, _audit);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写重新开放的原因。");
        store.InTransaction(() =>
        {
            if (!store.AssessmentClosures.Delete(year)) throw new DomainRuleException($"{year}年度考核尚未确定结果。");
            _audit.Record(actor.Name, "assessment.reopened", $"{year}年度考核", reason.Trim());
        });
    }

    /// <summary>One task's score and explanation, as <paramref name="actor"/> may read it; null when the task is not assessed.</summary>
    public TaskScore? TaskScoreOf(string code, Actor actor)
    {
        var task = reading.Read(code, actor);
        return task is null ? null : Result(task.Year).Tasks.FirstOrDefault(t => t.TaskId == task.Id);
    }

    /// <summary>The tasks a commendation would name: completed on time with a score at or above the commendation line.</summary>
    public IReadOnlyList<TaskScore> CommendationCandidates(AssessmentResult result) =>
        result.Tasks.Where(t => t.CompletedOnTime && t.Score >= result.Scheme.CommendationLine)
            .OrderByDescending(t => t.Score).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();

    /// <summary>The tasks a criticism would name: failing, and (today) overdue or with a node missed or done late.</summary>
    public IReadOnlyList<TaskScore> CriticismCandidates(AssessmentResult result) =>
        result.Tasks.Where(t => t.Failing && store.Tasks.FindById(t.TaskId) is { } task && Drafting.Failing(task, Today))
            .OrderBy(t => t.Score).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();

    /// <summary>One click from the ranking: a 通报表扬 draft naming the year's top performers.</summary>
    public OfficialDocument StartCommendation(int year, Actor actor)
    {
        var picked = CommendationCandidates(Result(year));
        if (picked.Count == 0) throw new DomainRuleException($"{year}年度没有按时完成且得分达到表扬分数线的任务。");
        return documents.StartCommendation(picked.Select(t => t.Code).ToList(), actor);
    }

    /// <summary>One click from the ranking: a 通报批评 draft naming the year's failing tasks.</summary>
    public OfficialDocument StartCriticism(int year, Actor actor)
    {
        var picked = CriticismCandidates(Result(year));
        if (picked.Count == 0) throw new DomainRuleException($"{year}年度没有不合格且逾期的任务。");
        return documents.StartCriticism(picked.Select(t => t.Code).ToList(), actor);
    }

    public void WriteDocx(AssessmentResult result, Stream output) =>
        AssessmentReport.WriteDocx(output, result, options.OrganisationName, Today);

    public void WriteXlsx(AssessmentResult result, Stream output) => AssessmentReport.WriteXlsx(output, result);

    public static string FileName(AssessmentResult result, string extension) =>
        $"{result.PeriodLabel()}重点任务考核结果.{extension}";
}
