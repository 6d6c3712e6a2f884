using System.Globalization;
using LuoshiArchive.Core.Organisation;

namespace LuoshiArchive.Core.Meetings;

/// <summary>Computes the <see cref="CadenceReport"/> of a year from the meeting register.</summary>
public sealed class CadenceCheck(MeetingRegister meetings, OrganisationDirectory directory, TimeProvider clock)
{
    public CadenceReport For(int year)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var held = meetings.List(year);
        // Only periods that have ended (or are under way) can be missing a meeting.
        var lastDay = today.Year == year ? today : new DateOnly(year, 12, 31);
        var monthsElapsed = today.Year < year ? 0 : lastDay.Month;
        var pushMonths = held.Where(m => m.Kind == MeetingKind.MonthlyPush).Select(m => m.Date.Month).ToHashSet();
        var months = Enumerable.Range(1, monthsElapsed).Where(m => !pushMonths.Contains(m) && EndOf(year, m) <= lastDay).ToList();
        var dispatchQuarters = held.Where(m => m.Kind == MeetingKind.QuarterlyDispatch).Select(m => (m.Date.Month + 2) / 3).ToHashSet();
        var quarters = Enumerable.Range(1, 4).Where(q => !dispatchQuarters.Contains(q) && EndOf(year, q * 3) <= lastDay).ToList();

        var weeksElapsed = today.Year < year ? 0 : ISOWeek.GetWeekOfYear(lastDay.ToDateTime(TimeOnly.MinValue)) - (lastDay.DayOfWeek == DayOfWeek.Sunday ? 0 : 1);
        if (lastDay.Month == 1 && weeksElapsed > 50) weeksElapsed = 0; // early-January days belong to last year's ISO week
        var weekly = directory.Departments().Select(d =>
        {
            var recorded = held.Where(m => m.Kind == MeetingKind.WeeklyDepartment && m.DepartmentId == d.Id)
                .Select(m => ISOWeek.GetWeekOfYear(m.Date.ToDateTime(TimeOnly.MinValue))).ToHashSet();
            var missing = Enumerable.Range(1, Math.Max(0, weeksElapsed)).Where(w => !recorded.Contains(w)).ToList();
            return new DepartmentWeeks(d.Name, weeksElapsed, recorded.Count, missing);
        }).Where(w => w.MissingWeeks.Count > 0).ToList();

        return new CadenceReport(year,
            held.Any(m => m.Kind == MeetingKind.AnnualDeployment),
            held.Any(m => m.IsYearEndSummary),
            YearEndSummaryDue: lastDay >= new DateOnly(year, 12, 31),
            months, quarters, weekly);
    }

    private static DateOnly EndOf(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));
}
