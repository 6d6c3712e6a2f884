namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// A supervision order (督办单): the office demands that a department act or report on a task by a date, and says
/// how to reply. The department answers with a progress entry; the order then counts as answered.
/// </summary>
public sealed class SupervisionOrder
{
    public int Id { get; set; }
    /// <summary>"督办〔2018〕3号": numbered per year of issue.</summary>
    public string Number { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }
    public int TaskId { get; set; }
    public string TaskCode { get; set; } = "";
    public int DepartmentId { get; set; }
    /// <summary>督办事项: what is demanded.</summary>
    public string What { get; set; } = "";
    /// <summary>办理时限</summary>
    public DateOnly Due { get; set; }
    /// <summary>回复要求: how to reply.</summary>
    public string HowToReply { get; set; } = "";
    /// <summary>The document that gave rise to the order, e.g. a 通报批评's 发文字号; empty when none.</summary>
    public string SourceDocument { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public string IssuedBy { get; set; } = "";
    /// <summary>The progress entry that answered the order.</summary>
    public int? ReplyEntryId { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string AnsweredBy { get; set; } = "";
    /// <summary>撤回: the order was withdrawn before a reply (issued in error, or the matter settled otherwise).</summary>
    public DateOnly? WithdrawnOn { get; set; }
    public string WithdrawnBy { get; set; } = "";
    public string WithdrawalReason { get; set; } = "";

    /// <summary>Still awaiting a reply: neither answered nor withdrawn.</summary>
    public bool IsOutstanding => AnsweredOn is null && WithdrawnOn is null;

    public SupervisionOrderState StateOn(DateOnly today) =>
        WithdrawnOn is not null ? SupervisionOrderState.Withdrawn
        : AnsweredOn is not null ? SupervisionOrderState.Answered
        : Due < today ? SupervisionOrderState.Overdue
        : SupervisionOrderState.Open;

    /// <summary>Answered after its date (逾期回复).</summary>
    public bool AnsweredLate => AnsweredOn is { } on && on > Due;
}
