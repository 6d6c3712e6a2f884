namespace LuoshiArchive.Core.PublicProgress;

/// <summary>
/// A task the office marked as 重大事项 for public disclosure, with the progress written for the public: the internal
/// progress reports are never shown outside. Unpublishing keeps the record (not public), so a task published again
/// keeps its 索引号.
/// </summary>
public sealed class PublicTask
{
    public int Id { get; set; }
    /// <summary>The key task's id; one record per task.</summary>
    public int TaskId { get; set; }
    /// <summary>Whether the task is on the public page and feeds now.</summary>
    public bool IsPublic { get; set; }
    /// <summary>The public progress (公开进展), as the office wrote it for the public.</summary>
    public string Wording { get; set; } = "";
    /// <summary>The day the current wording was written: the date the public reads beside it.</summary>
    public DateOnly WordedOn { get; set; }
    /// <summary>The year and number of the first publication: the 索引号's year and sequence, never reused.</summary>
    public int IndexYear { get; set; }
    public int IndexSequence { get; set; }
    /// <summary>When the task was last published, reworded or unpublished (UTC), and by whom (kept internal).</summary>
    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}
