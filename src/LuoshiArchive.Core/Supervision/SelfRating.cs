namespace LuoshiArchive.Core.Supervision;

/// <summary>A department's own rating of a task in its monthly self-check (自评等次).</summary>
public enum SelfRating
{
    /// <summary>好</summary>
    Good,
    /// <summary>较好</summary>
    FairlyGood,
    /// <summary>一般</summary>
    Average,
    /// <summary>差</summary>
    Poor,
}
