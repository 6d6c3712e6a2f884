namespace LuoshiArchive.Core.Meetings;

/// <summary>
/// The notice's rhythm checked for a year (up to today when the year is current): a deployment meeting at the start,
/// a push meeting every month, a dispatch meeting every quarter, weekly department meetings, a year-end summary;
/// periods before <see cref="CountedFrom"/> (the system was not in use yet) are not counted.
/// </summary>
public sealed record CadenceReport(
    int Year,
    DateOnly CountedFrom,
    bool AnnualDeploymentDue,
    bool AnnualDeploymentHeld,
    bool YearEndSummaryHeld,
    bool YearEndSummaryDue,
    IReadOnlyList<int> MonthsWithoutPushMeeting,
    IReadOnlyList<int> QuartersWithoutDispatchMeeting,
    IReadOnlyList<DepartmentWeeks> DepartmentsMissingWeeklyMeetings)
{
    public bool HasGaps => (AnnualDeploymentDue && !AnnualDeploymentHeld) || (YearEndSummaryDue && !YearEndSummaryHeld) || MonthsWithoutPushMeeting.Count > 0
                           || QuartersWithoutDispatchMeeting.Count > 0 || DepartmentsMissingWeeklyMeetings.Count > 0;
}

/// <summary>A department's weekly meetings: how many weeks have passed, how many were recorded, which are missing.</summary>
public sealed record DepartmentWeeks(string Department, int WeeksElapsed, int WeeksRecorded, IReadOnlyList<int> MissingWeeks);
