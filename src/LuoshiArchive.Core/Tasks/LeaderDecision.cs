namespace LuoshiArchive.Core.Tasks;

/// <summary>The leader decision that authorises an adjustment (调整): who decided, when, where, why.</summary>
public sealed class LeaderDecision
{
    /// <summary>The leader who decided (委领导).</summary>
    public string DecidedBy { get; set; } = "";
    public DateOnly DecidedOn { get; set; }
    /// <summary>The meeting or instruction that carries the decision, e.g. "2018年第5次主任办公会".</summary>
    public string Occasion { get; set; } = "";
    public string Reason { get; set; } = "";

    /// <summary>Names (in Chinese, for the user) of the parts that are missing; empty when complete.</summary>
    public IReadOnlyList<string> MissingParts()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(DecidedBy)) missing.Add("决定人");
        if (DecidedOn == default) missing.Add("决定日期");
        if (string.IsNullOrWhiteSpace(Occasion)) missing.Add("会议或批示");
        if (string.IsNullOrWhiteSpace(Reason)) missing.Add("调整理由");
        return missing;
    }
}
