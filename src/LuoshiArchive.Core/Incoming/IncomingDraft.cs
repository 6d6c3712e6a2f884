namespace LuoshiArchive.Core.Incoming;

/// <summary>What the office types in when an item arrives (the page, or <c>luoshi incoming add</c>).</summary>
public sealed class IncomingDraft
{
    public IncomingKind Kind { get; set; }
    public string From { get; set; } = "";
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly Received { get; set; }
    /// <summary>Empty: three months after receipt for 人大建议 and 政协提案, none for the rest.</summary>
    public DateOnly? Deadline { get; set; }
}
