using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Organisation;

namespace LuoshiArchive.Core.Tests.Meetings;

public sealed class CadenceCheckTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 7, 14)); // a Saturday: ISO week 28 is still under way

    private void Held(MeetingKind kind, int month, int day, int? department = null, bool yearEnd = false) =>
        _storage.Meetings.Add(new MeetingDraft
        {
            Kind = kind, Date = new DateOnly(2018, month, day), Title = ChineseLabels.Of(kind), DepartmentId = department,
            IsYearEndSummary = yearEnd,
        }, Actor.Console("t"));

    [Fact]
    public void Missing_push_dispatch_and_weekly_meetings_are_listed_up_to_today()
    {
        var office = _storage.Directory.SaveDepartment(new Department { Name = "办公室" });
        var finance = _storage.Directory.SaveDepartment(new Department { Name = "财务处" });
        Held(MeetingKind.AnnualDeployment, 1, 10);
        foreach (var month in new[] { 1, 2, 4, 6 }) Held(MeetingKind.MonthlyPush, month, 20);
        Held(MeetingKind.QuarterlyDispatch, 3, 28);
        // 2018-01-01 is a Monday: ISO week w starts on 1 January + 7(w−1) days.
        for (var week = 1; week <= 27; week++)
            _storage.Meetings.Add(new MeetingDraft
            {
                Kind = MeetingKind.WeeklyDepartment, Date = new DateOnly(2018, 1, 1).AddDays(7 * (week - 1)), Title = "例会", DepartmentId = office.Id,
            }, Actor.Console("t"));

        var report = _storage.Cadence.For(2018);

        Assert.True(report.AnnualDeploymentHeld);
        Assert.Equal([3, 5], report.MonthsWithoutPushMeeting);       // July is still under way
        Assert.Equal([2], report.QuartersWithoutDispatchMeeting);     // Q3 is still under way
        Assert.False(report.YearEndSummaryDue);
        var missing = Assert.Single(report.DepartmentsMissingWeeklyMeetings);
        Assert.Equal("财务处", missing.Department);
        Assert.Equal(27, missing.WeeksElapsed);
        Assert.Equal(27, missing.MissingWeeks.Count);
        Assert.True(report.HasGaps);
    }

    [Fact]
    public void A_past_year_without_deployment_or_year_end_summary_says_so()
    {
        _storage.Clock.MoveTo(new DateOnly(2019, 2, 1));
        Held(MeetingKind.MonthlyPush, 5, 20);

        var report = _storage.Cadence.For(2018);

        Assert.False(report.AnnualDeploymentHeld);
        Assert.True(report.YearEndSummaryDue);
        Assert.False(report.YearEndSummaryHeld);
        Assert.Equal(11, report.MonthsWithoutPushMeeting.Count);
        Assert.Equal([1, 2, 3, 4], report.QuartersWithoutDispatchMeeting);
    }

    [Fact]
    public void Months_quarters_and_weeks_before_the_commission_began_using_the_system_are_not_gaps()
    {
        var office = _storage.Directory.SaveDepartment(new Department { Name = "办公室" });
        _storage.Tasks.Create(new Core.Tasks.TaskDraft { Year = 2018, Name = "建立台账", AddedOn = new DateOnly(2018, 4, 3) }, Actor.Console("t"));
        foreach (var month in new[] { 4, 6 }) Held(MeetingKind.MonthlyPush, month, 20);

        var report = _storage.Cadence.For(2018);   // from the first task's day, 3 April
        Assert.Equal(new DateOnly(2018, 4, 3), report.CountedFrom);
        Assert.Equal([5], report.MonthsWithoutPushMeeting);           // not January to March
        Assert.Equal([2], report.QuartersWithoutDispatchMeeting);     // not Q1
        Assert.False(report.AnnualDeploymentDue);                     // the year had begun without the system
        var weeks = Assert.Single(report.DepartmentsMissingWeeklyMeetings);
        Assert.Equal(office.Name, weeks.Department);
        Assert.Equal(14, weeks.WeeksElapsed);                         // ISO weeks 14 (ends 8 April) to 27

        _storage.CadenceOptions.MeetingCadenceFrom = new DateOnly(2018, 6, 1); // the setting wins over the first task
        report = _storage.Cadence.For(2018);
        Assert.Empty(report.MonthsWithoutPushMeeting);
        Assert.Equal([2], report.QuartersWithoutDispatchMeeting);
    }

    public void Dispose() => _storage.Dispose();
}
