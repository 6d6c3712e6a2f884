namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// The quarterly report of a supervising leader (分管委领导) to the principal leaders (主要负责同志): compiled from the
/// quarter's progress, problems and next steps of the leader's tasks and the departments' self-checks, then edited and
/// saved. The task table is the compiled record; the three sections are the leader's text.
/// </summary>
public sealed class LeaderReport
{
    public int Id { get; set; }
    /// <summary>"领导id-年-季度", unique.</summary>
    public string Key { get; set; } = "";
    public int LeaderId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public string Title { get; set; } = "";
    /// <summary>一、工作进展 (one paragraph per line).</summary>
    public string Progress { get; set; } = "";
    /// <summary>二、存在的问题</summary>
    public string Problems { get; set; } = "";
    /// <summary>三、下一步工作打算及建议</summary>
    public string Proposals { get; set; } = "";
    public List<LeaderReportTask> Tasks { get; set; } = [];
    /// <summary>UTC; null for a compiled report not saved yet.</summary>
    public DateTime? SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
    /// <summary>The DOCX rendered at the last save and kept as a blob (digest; empty for a report not saved).</summary>
    public string DocxSha256 { get; set; } = "";

    public static string KeyOf(int leaderId, int year, int quarter) => $"{leaderId}-{year}-{quarter}";
}

/// <summary>One of the leader's tasks in the report's table: the departments' reports rolled up.</summary>
public sealed class LeaderReportTask
{
    public string TaskCode { get; set; } = "";
    public string TaskName { get; set; } = "";
    public string Department { get; set; } = "";
    public string Status { get; set; } = "";
    /// <summary>The latest progress of the quarter, or a note that none was reported.</summary>
    public string Progress { get; set; } = "";
    /// <summary>The submitted self-check ratings of the quarter's months, e.g. "4月 好；5月 较好".</summary>
    public string Ratings { get; set; } = "";
}
