using System.Globalization;

namespace LuoshiArchive.Core.Supervision;

/// <summary>A month or a quarter of a year: the periods self-checks, reconciliation and leader reports are made for.</summary>
public sealed record ReportingPeriod(int Year, int? Month, int? Quarter)
{
    public static ReportingPeriod OfMonth(int year, int month)
    {
        if (month is < 1 or > 12) throw new DomainRuleException("月份应在1至12之间。");
        return new(CheckYear(year), month, null);
    }

    public static ReportingPeriod OfQuarter(int year, int quarter)
    {
        if (quarter is < 1 or > 4) throw new DomainRuleException("季度应在1至4之间。");
        return new(CheckYear(year), null, quarter);
    }

    public static int QuarterOf(int month) => (month - 1) / 3 + 1;

    public bool IsQuarter => Quarter is not null;

    public DateOnly From => new(Year, Month ?? (Quarter!.Value - 1) * 3 + 1, 1);

    public DateOnly To => From.AddMonths(IsQuarter ? 3 : 1).AddDays(-1);

    public IReadOnlyList<int> Months => IsQuarter ? [From.Month, From.Month + 1, From.Month + 2] : [Month!.Value];

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>"2018年6月" or "2018年第二季度".</summary>
    public string Label => IsQuarter
        ? $"{Year}年第{OfficialDocuments.ChineseNumbers.Ordinal(Quarter!.Value)}季度"
        : $"{Year}年{Month}月";

    public override string ToString() => IsQuarter
        ? $"{Year}-Q{Quarter}"
        : $"{Year}-{Month!.Value.ToString("00", CultureInfo.InvariantCulture)}";

    private static int CheckYear(int year) =>
        year is >= 2000 and <= 2100 ? year : throw new DomainRuleException("年度应在2000至2100之间。");
}
