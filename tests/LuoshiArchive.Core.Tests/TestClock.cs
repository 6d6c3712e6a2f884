namespace LuoshiArchive.Core.Tests;

/// <summary>A clock that stands still at noon (China time) on a chosen day until the test moves it.</summary>
public sealed class TestClock(DateOnly today) : TimeProvider
{
    private DateTimeOffset _now = new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");
    public void MoveTo(DateOnly day) => _now = new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
    public void Advance(TimeSpan by) => _now += by;
}

public static class TestClockExtensions
{
    public static DateOnly GetToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
