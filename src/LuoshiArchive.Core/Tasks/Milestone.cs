namespace LuoshiArchive.Core.Tasks;

/// <summary>A dated step of a task's schedule (时间节点).</summary>
public sealed class Milestone
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateOnly Due { get; set; }
    public string Description { get; set; } = "";
    public bool Done { get; set; }
    public DateOnly? DoneOn { get; set; }

    public bool IsMissed(DateOnly today) => !Done && Due < today;

    public bool IsComingDue(DateOnly today, int days) => !Done && Due >= today && Due <= today.AddDays(days);

    /// <summary>One line as shown in the one-table view and its XLSX: "2018-03-31 完成方案制定 [已完成]".</summary>
    public override string ToString() =>
        $"{Due:yyyy-MM-dd} {Description}" + (Done ? " [已完成]" : "");
}
