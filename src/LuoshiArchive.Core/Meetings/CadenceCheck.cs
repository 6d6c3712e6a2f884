using System.Globalization;
using LuoshiArchive.Core.Organisation;

namespace LuoshiArchive.Core.Meetings;

/// <summary>
/// Computes the <see cref="CadenceReport"/> of a year from the meeting register, counting from the day the commission
/// started using the system (<see cref="LuoshiOptions.MeetingCadenceFrom"/>, else the first task's 加入日期): a month
/// before that is not a missing meeting.
/// </summary>
public sealed class CadenceCheck(
    MeetingRegister meetings, OrganisationDirectory directory, IMeetingStore store, LuoshiOptions options, TimeProvider clock)
{
    /// <summary>The first day counted, or null when nothing says when use began (no setting, no task).</summary>
    public DateOnly? CountedFrom =>
        options.MeetingCadenceFrom ?? store.Tasks.FindAll().Select(t => (DateOnly?)t.AddedOn).Min();

    public CadenceReport For(int year)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var held = meetings.List(year);
        // Only periods that have ended (or are under way) can be missing a meeting, and only those since use began.
        var lastDay = today.Year == year ? today : new DateOnly(year, 12, 31);
        var began = CountedFrom;
        DateOnly? from = began?.Year == year ? began : began?.Year > year ? lastDay.AddDays(1) : null;
        bool Counted(DateOnly periodEnd) => periodEnd <= lastDay && (from is null || periodEnd >= from);
        var monthsElapsed = today.Year < year ? 0 : lastDay.Month;
        var pushMonths = held.Where(m => m.Kind == MeetingKind.MonthlyPush).Select(m => m.Date.Month).ToHashSet();
        var months = Enumerable.Range(1, monthsElapsed).Where(m => !pushMonths.Contains(m) && Counted(EndOf(year, m))).ToList();
        var dispatchQuarters = held.Where(m => m.Kind == MeetingKind.QuarterlyDispatch).Select(m => (m.Date.Month + 2) / 3).ToHashSet();
        var quarters = Enumerable.Range(1, 4).Where(q => !dispatchQuarters.Contains(q) && Counted(EndOf(year, q * 3))).ToList();
        // The deployment meeting opens the year: expected only if use began by the end of January.
        var deploymentDue = from is null || from <= EndOf(year, 1);

        var weeksElapsed = today.Year < year ? 0 : ISOWeek.GetWeekOfYear(lastDay.ToDateTime(TimeOnly.MinValue)) - (lastDay.DayOfWeek == DayOfWeek.Sunday ? 0 : 1);
        if (lastDay.Month == 1 && weeksElapsed > 50) weeksElapsed = 0; // early-January days belong to last year's ISO week
        var countedWeeks = Enumerable.Range(1, Math.Max(0, weeksElapsed))
            .Where(w => Counted(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, w, DayOfWeek.Sunday)))).ToList();
        var weekly = directory.Departments().Select(d =>
        {
            var recorded = held.Where(m => m.Kind == MeetingKind.WeeklyDepartment && m.DepartmentId == d.Id)
                .Select(m => ISOWeek.GetWeekOfYear(m.Date.ToDateTime(TimeOnly.MinValue))).ToHashSet();
            var missing = countedWeeks.Where(w => !recorded.Contains(w)).ToList();
            return new DepartmentWeeks(d.Name, countedWeeks.Count, countedWeeks.Count - missing.Count, missing);
        }).Where(w => w.MissingWeeks.Count > 0).ToList();

        return new CadenceReport(year, from ?? new DateOnly(year, 1, 1), deploymentDue,
            held.Any(m => m.Kind == MeetingKind.AnnualDeployment),
            held.Any(m => m.IsYearEndSummary),
            YearEndSummaryDue: lastDay >= new DateOnly(year, 12, 31),
            months, quarters, weekly);
    }

    private static DateOnly EndOf(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));
}
