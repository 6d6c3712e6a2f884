namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// A department's monthly self-check (月度自查自评表): one row per task of the department, pre-filled from the month's
/// progress entries and completed by the department. Once submitted it is locked and kept as submitted.
/// </summary>
public sealed class SelfCheck
{
    public int Id { get; set; }
    /// <summary>"部门id-年-月", unique: one form per department and month.</summary>
    public string Key { get; set; } = "";
    public int DepartmentId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public List<SelfCheckRow> Rows { get; set; } = [];
    /// <summary>总体情况: the department's overall remarks.</summary>
    public string Summary { get; set; } = "";
    /// <summary>UTC; set once, on submission, after which nothing changes.</summary>
    public DateTime? SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTime? UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    /// <summary>The DOCX and XLSX rendered at submission, kept as blobs (digests; empty until submitted).</summary>
    public string DocxSha256 { get; set; } = "";
    public string XlsxSha256 { get; set; } = "";
    /// <summary>退回修改: when the office last returned the form for correction (UTC), by whom, why.</summary>
    public DateTime? ReturnedAt { get; set; }
    public string ReturnedBy { get; set; } = "";
    public string ReturnReason { get; set; } = "";

    /// <summary>Returned for correction and not resubmitted yet: the department sees the reason.</summary>
    public bool IsReturned => ReturnedAt is not null && SubmittedAt is null;

    public static string KeyOf(int departmentId, int year, int month) => $"{departmentId}-{year}-{month}";
}

/// <summary>One task's line in a self-check; the task's code and name are kept as they were when the form was filled.</summary>
public sealed class SelfCheckRow
{
    public int TaskId { get; set; }
    public string TaskCode { get; set; } = "";
    public string TaskName { get; set; } = "";
    /// <summary>进展情况</summary>
    public string Progress { get; set; } = "";
    /// <summary>存在问题</summary>
    public string Problems { get; set; } = "";
    /// <summary>下一步措施</summary>
    public string NextSteps { get; set; } = "";
    /// <summary>The latest completion estimate of the month, in percent.</summary>
    public int? Completion { get; set; }
    /// <summary>自评等次; every row needs one before the form can be submitted.</summary>
    public SelfRating? Rating { get; set; }
    /// <summary>How many progress entries the month had for the task when the row was pre-filled.</summary>
    public int EntriesInMonth { get; set; }
}

/// <summary>What the department enters for one row; null fields keep what the row holds.</summary>
public sealed record SelfCheckRowInput(int TaskId, string? Progress, string? Problems, string? NextSteps, SelfRating? Rating);
