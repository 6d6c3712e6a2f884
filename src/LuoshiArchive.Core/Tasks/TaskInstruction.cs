namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// A 委领导's 批示 on a task: who (the 委领导 by person and name), on what date, what they wrote. Kept as a task history
/// entry of kind <see cref="TaskChangeKind.Instruction"/>.
/// </summary>
public sealed class TaskInstruction
{
    public int LeaderPersonId { get; set; }
    public string Leader { get; set; } = "";
    public DateOnly On { get; set; }
    public string Text { get; set; } = "";
    /// <summary>True when the office typed it in from a paper 批示 (the entry's By is the clerk).</summary>
    public bool FromPaper { get; set; }
}
