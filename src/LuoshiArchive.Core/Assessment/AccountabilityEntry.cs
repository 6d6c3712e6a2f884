namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// An accountability record (问责) on a task: who was held accountable, the decision and the document that made it.
/// It shows in the ranking and the annual report, and deducts the scheme's accountability points from the task.
/// </summary>
public sealed class AccountabilityEntry
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public string TaskCode { get; set; } = "";
    public int Year { get; set; }
    /// <summary>问责对象: a person or a department.</summary>
    public string Who { get; set; } = "";
    /// <summary>问责决定, e.g. "诫勉谈话", "通报批评", "责令作出书面检查".</summary>
    public string Decision { get; set; } = "";
    /// <summary>问责文件 (发文字号).</summary>
    public string Document { get; set; } = "";
    public DateOnly DecidedOn { get; set; }
    public string RecordedBy { get; set; } = "";

    public override string ToString() =>
        $"{Who}：{Decision}" + (Document.Length > 0 ? $"（{Document}）" : "") + $" {DecidedOn:yyyy-MM-dd}";
}
