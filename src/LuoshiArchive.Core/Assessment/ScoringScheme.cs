using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// A year's scoring scheme (考核评分办法), one version of it. Every save makes a new version; a closed year keeps a copy
/// of the version it was computed with, so later edits never change its results.
/// <para>A task scores out of 100: <see cref="TimelinessPoints"/> shared equally by its time nodes (each met on time
/// earns its share; a late node loses <see cref="LateDeduction"/> per <see cref="LateUnit"/> late, down to 0) plus the
/// result points of its rating (优秀/良好/合格/不合格; unrated: 0), plus bonuses and minus deductions, minus
/// <see cref="AccountabilityDeduction"/> per accountability entry; never below 0.</para>
/// </summary>
public sealed class ScoringScheme
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>1, 2, … per year; 0 for the built-in defaults never saved.</summary>
    public int Version { get; set; }
    public string SavedBy { get; set; } = "";
    public DateTime? SavedAt { get; set; }
    /// <summary>修订说明: why this version was made.</summary>
    public string Note { get; set; } = "";

    public List<KindWeight> KindWeights { get; set; } = [];
    public List<SourceWeight> SourceWeights { get; set; } = [];
    /// <summary>时效分: shared equally among a task's time nodes.</summary>
    public decimal TimelinessPoints { get; set; } = 60;
    public decimal LateDeduction { get; set; } = 2;
    public LateUnit LateUnit { get; set; } = LateUnit.Week;
    public decimal ExcellentPoints { get; set; } = 40;
    public decimal GoodPoints { get; set; } = 32;
    public decimal PassPoints { get; set; } = 24;
    public decimal FailPoints { get; set; }
    public decimal AccountabilityDeduction { get; set; } = 10;
    /// <summary>Tasks at or above this score, completed on time, are proposed for a commendation.</summary>
    public decimal CommendationLine { get; set; } = 90;
    /// <summary>Tasks below this score (or rated 不合格) are failing and proposed for a criticism.</summary>
    public decimal PassLine { get; set; } = 60;

    /// <summary>The built-in scheme: central and municipal items and the commission-wide lists weigh more.</summary>
    public static ScoringScheme Defaults(int year) => new()
    {
        Year = year,
        KindWeights =
        [
            new() { Kind = TaskListKind.Comprehensive, Weight = 1.2m }, new() { Kind = TaskListKind.Special, Weight = 1.2m },
            new() { Kind = TaskListKind.LeaderLed, Weight = 1.1m }, new() { Kind = TaskListKind.MeetingDecided, Weight = 1.0m },
            new() { Kind = TaskListKind.Department, Weight = 0.8m },
        ],
        SourceWeights =
        [
            new() { Source = TaskSource.Central, Weight = 1.5m }, new() { Source = TaskSource.Municipal, Weight = 1.3m },
            new() { Source = TaskSource.MunicipalInstruction, Weight = 1.3m }, new() { Source = TaskSource.Proposal, Weight = 1.1m },
            new() { Source = TaskSource.CommissionMeeting, Weight = 1.0m }, new() { Source = TaskSource.LeaderInstruction, Weight = 1.0m },
        ],
    };

    public decimal WeightOf(TaskListKind kind) => KindWeights.FirstOrDefault(w => w.Kind == kind)?.Weight ?? 1m;

    public decimal WeightOf(TaskSource source) => SourceWeights.FirstOrDefault(w => w.Source == source)?.Weight ?? 1m;

    public decimal PointsFor(ResultLevel level) => level switch
    {
        ResultLevel.Excellent => ExcellentPoints,
        ResultLevel.Good => GoodPoints,
        ResultLevel.Pass => PassPoints,
        _ => FailPoints,
    };

    /// <summary>The deduction for a node <paramref name="daysLate"/> days late: per day, or per week begun.</summary>
    public decimal LateDeductionFor(int daysLate) =>
        daysLate <= 0 ? 0 : LateDeduction * (LateUnit == LateUnit.Day ? daysLate : (daysLate + 6) / 7);

    /// <summary>The rules this scheme breaks, in Chinese; empty when it may be saved.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (KindWeights.Any(w => w.Weight is <= 0 or > 10) || SourceWeights.Any(w => w.Weight is <= 0 or > 10))
            problems.Add("权重应大于0且不超过10");
        if (TimelinessPoints < 0 || ExcellentPoints < 0 || GoodPoints < 0 || PassPoints < 0 || FailPoints < 0)
            problems.Add("分值不能为负数");
        if (TimelinessPoints + ExcellentPoints > 100) problems.Add("时效分与“优秀”分值之和不能超过100");
        if (!(ExcellentPoints >= GoodPoints && GoodPoints >= PassPoints && PassPoints >= FailPoints))
            problems.Add("评定分值应按优秀、良好、合格、不合格递减");
        if (LateDeduction < 0 || AccountabilityDeduction < 0) problems.Add("扣分不能为负数");
        if (PassLine is < 0 or > 100 || CommendationLine is < 0 or > 120) problems.Add("分数线应在0至100之间");
        if (Note.Length > 500) problems.Add("修订说明不能超过500字");
        return problems;
    }

    /// <summary>A copy that can be stored on its own (a closed year's snapshot, or the next version).</summary>
    public ScoringScheme Copy() => new()
    {
        Id = Id, Year = Year, Version = Version, SavedBy = SavedBy, SavedAt = SavedAt, Note = Note,
        KindWeights = KindWeights.Select(w => new KindWeight { Kind = w.Kind, Weight = w.Weight }).ToList(),
        SourceWeights = SourceWeights.Select(w => new SourceWeight { Source = w.Source, Weight = w.Weight }).ToList(),
        TimelinessPoints = TimelinessPoints, LateDeduction = LateDeduction, LateUnit = LateUnit,
        ExcellentPoints = ExcellentPoints, GoodPoints = GoodPoints, PassPoints = PassPoints, FailPoints = FailPoints,
        AccountabilityDeduction = AccountabilityDeduction, CommendationLine = CommendationLine, PassLine = PassLine,
    };
}
