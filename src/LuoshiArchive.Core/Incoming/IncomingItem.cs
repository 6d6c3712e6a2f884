namespace LuoshiArchive.Core.Incoming;

/// <summary>
/// One received item (来文来件): a document from above, a leader's instruction, an assignment, a deputy's suggestion or
/// proposal, or inspection feedback; with the office's 拟办意见, the leader's 批示, the tasks it was assigned to (交办)
/// and the 办理结果. Its state follows from what has been recorded (<see cref="StateOn"/>).
/// </summary>
public sealed class IncomingItem
{
    public int Id { get; set; }
    public int Year { get; set; }
    public IncomingKind Kind { get; set; }
    /// <summary>来文单位 / 交办人 / 提出人.</summary>
    public string From { get; set; } = "";
    /// <summary>文号 (or the suggestion's or proposal's number).</summary>
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly Received { get; set; }
    /// <summary>限时办结: the date by which it must be done.</summary>
    public DateOnly? Deadline { get; set; }
    /// <summary>The received document, filed as evidence (searchable; filed into every task it is assigned to).</summary>
    public int? EvidenceId { get; set; }
    public DateTime RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";

    /// <summary>拟办意见 by the office.</summary>
    public IncomingNote? Proposal { get; set; }
    /// <summary>批示 by a leader (on the page, or typed in from paper by the office).</summary>
    public IncomingNote? Instruction { get; set; }

    public List<int> TaskIds { get; set; } = [];
    public DateOnly? AssignedOn { get; set; }

    /// <summary>办理结果.</summary>
    public string Result { get; set; } = "";
    /// <summary>The reply (答复) document of a suggestion or proposal, filed as evidence.</summary>
    public int? ReplyEvidenceId { get; set; }
    public DateOnly? RepliedOn { get; set; }
    public DateOnly? DoneOn { get; set; }

    /// <summary>人大建议 and 政协提案 are answered to their deputies (答复) within three months.</summary>
    public bool NeedsReply => Kind is IncomingKind.Suggestion or IncomingKind.Proposal;

    public bool IsOverdue(DateOnly today) => DoneOn is null && Deadline is { } d && d < today;

    public IncomingState StateOn(DateOnly today) =>
        DoneOn is not null ? IncomingState.Done
        : IsOverdue(today) ? IncomingState.Overdue
        : TaskIds.Count > 0 ? IncomingState.Assigned
        : Instruction is not null ? IncomingState.Instructed
        : Proposal is not null ? IncomingState.Proposed
        : IncomingState.Registered;
}

/// <summary>A dated text with its author: a 拟办意见 or a 批示.</summary>
public sealed class IncomingNote
{
    public string Text { get; set; } = "";
    /// <summary>The leader who instructed, or the office member who proposed.</summary>
    public string By { get; set; } = "";
    public DateOnly On { get; set; }
    /// <summary>The account that recorded it (the office typing in a paper 批示 records it under its own name here).</summary>
    public string RecordedBy { get; set; } = "";
}
