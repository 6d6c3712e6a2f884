namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// A reconciliation (对账) the office has closed: its rows and flags frozen as they were at closing, the XLSX kept as a
/// blob, and each lead department's answer to its rows, due by <see cref="AnswerDue"/>. Later task changes do not
/// touch it. One per period: <see cref="Key"/> ("2018-06", "2018-Q2") is unique.
/// </summary>
public sealed class ClosedReconciliation
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public int Year { get; set; }
    public int? Month { get; set; }
    public int? Quarter { get; set; }
    /// <summary>The day the figures were computed (the closing day, local time).</summary>
    public DateOnly AsOf { get; set; }
    /// <summary>UTC.</summary>
    public DateTime ClosedAt { get; set; }
    public string ClosedBy { get; set; } = "";
    /// <summary>答复期限: the last day on which an answer is on time; a later one is kept and marked 逾期.</summary>
    public DateOnly AnswerDue { get; set; }
    /// <summary>The 对账表 XLSX rendered at closing (blob digest and length).</summary>
    public string XlsxSha256 { get; set; } = "";
    public long XlsxLength { get; set; }
    public List<ClosedReconciliationRow> Rows { get; set; } = [];

    public ReportingPeriod Period() =>
        Quarter is { } q ? ReportingPeriod.OfQuarter(Year, q) : ReportingPeriod.OfMonth(Year, Month!.Value);

    public int Answered => Rows.Count(r => r.Answer is not null);

    public int Flagged => Rows.Count(r => r.Flags.Count > 0);
}

/// <summary>One task's row as it stood at closing, and the lead department's answer to it.</summary>
public sealed class ClosedReconciliationRow
{
    public int TaskId { get; set; }
    public string TaskCode { get; set; } = "";
    public string TaskName { get; set; } = "";
    public int? LeadDepartmentId { get; set; }
    public string LeadDepartment { get; set; } = "";
    public string SupervisingLeader { get; set; } = "";
    public string Status { get; set; } = "";
    public string Light { get; set; } = "";
    public DateOnly? LastProgress { get; set; }
    public int ProgressInPeriod { get; set; }
    public List<string> MilestonesDue { get; set; } = [];
    public int EvidenceAdded { get; set; }
    /// <summary>The flags as written in the 对账表, e.g. "本期无进展：最近一次 2018-05-20".</summary>
    public List<string> Flags { get; set; } = [];
    public ReconciliationAnswerKind? Answer { get; set; }
    /// <summary>说明: the department's explanation (required to answer a flagged row).</summary>
    public string AnswerText { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime? AnsweredAt { get; set; }
    public string AnsweredBy { get; set; } = "";
    /// <summary>Answered after <see cref="ClosedReconciliation.AnswerDue"/> (逾期).</summary>
    public bool AnsweredLate { get; set; }
}

/// <summary>How a lead department answered a row of a closed reconciliation.</summary>
public enum ReconciliationAnswerKind
{
    /// <summary>确认无误.</summary>
    Confirmed,
    /// <summary>已说明: the department explains a flag.</summary>
    Explained,
}
