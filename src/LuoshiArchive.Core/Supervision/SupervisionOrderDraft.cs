namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// What the office fills in to issue a supervision order. Also what the official-documents feature hands over when a
/// 通报批评 demands rectification (with <see cref="SourceDocument"/> set to the circular's 发文字号).
/// </summary>
public sealed record SupervisionOrderDraft
{
    public string TaskCode { get; init; } = "";
    /// <summary>The department ordered to act; the task's lead department when null.</summary>
    public int? DepartmentId { get; init; }
    public string What { get; init; } = "";
    public DateOnly Due { get; init; }
    public string HowToReply { get; init; } = "";
    public string? SourceDocument { get; init; }
}
