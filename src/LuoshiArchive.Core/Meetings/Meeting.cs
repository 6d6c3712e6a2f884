namespace LuoshiArchive.Core.Meetings;

/// <summary>
/// A meeting in the register: who met, when, about which tasks, what was decided, and its minutes (one piece of
/// evidence filed in the dossier of every task the meeting dealt with).
/// </summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The session, e.g. "2018年第3次".</summary>
    public string Session { get; set; } = "";
    public string Chair { get; set; } = "";
    public List<string> Attendees { get; set; } = [];
    public string Place { get; set; } = "";
    /// <summary>For weekly department meetings: whose meeting it was.</summary>
    public int? DepartmentId { get; set; }
    /// <summary>The year-end summary meeting (年终总结) the cadence check looks for.</summary>
    public bool IsYearEndSummary { get; set; }
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<MeetingDecision> Decisions { get; set; } = [];
    public int? MinutesEvidenceId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>Every task the meeting dealt with, through its agenda or its decisions.</summary>
    public IReadOnlyList<int> TaskIds =>
        Agenda.SelectMany(a => a.TaskIds).Concat(Decisions.SelectMany(d => d.TaskIds)).Distinct().ToList();
}

/// <summary>One item on the agenda and the tasks it concerns.</summary>
public sealed class AgendaItem
{
    public string Text { get; set; } = "";
    public List<int> TaskIds { get; set; } = [];
}

/// <summary>A decision (议定事项); it can be turned into a MeetingDecided task, linked both ways.</summary>
public sealed class MeetingDecision
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Text { get; set; } = "";
    public List<int> TaskIds { get; set; } = [];
    public int? LeadDepartmentId { get; set; }
    public DateOnly? Deadline { get; set; }
    public int? CreatedTaskId { get; set; }
}
