namespace LuoshiArchive.Core.Tasks;

/// <summary>What a user fills in to create or edit a task (the form, or one row of an imported one-table).</summary>
public sealed class TaskDraft
{
    /// <summary>Empty to allocate the next code of the year.</summary>
    public string? Code { get; set; }
    public int Year { get; set; }
    public string Name { get; set; } = "";
    public TaskListKind ListKind { get; set; }
    public TaskSource Source { get; set; }
    public string SourceDetail { get; set; } = "";
    public string Target { get; set; } = "";
    public string Standard { get; set; } = "";
    public int? LeadDepartmentId { get; set; }
    public List<int> CooperatingDepartmentIds { get; set; } = [];
    public int? ResponsiblePersonId { get; set; }
    public int? SupervisingLeaderId { get; set; }
    public string Measures { get; set; } = "";
    public List<Milestone> Milestones { get; set; } = [];
    public DateOnly? Deadline { get; set; }
    public string ExpectedOutcomes { get; set; } = "";
    public KeyTaskStatus Status { get; set; }
    public string ProgressSummary { get; set; } = "";
    public string Remarks { get; set; } = "";
    /// <summary>The day the task was put on its list; today when empty.</summary>
    public DateOnly? AddedOn { get; set; }
    /// <summary>Set when a meeting decision becomes the task.</summary>
    public int? SourceMeetingId { get; set; }

    /// <summary>A draft holding a task's current values, for an edit form.</summary>
    public static TaskDraft From(KeyTask task) => new()
    {
        Code = task.Code,
        Year = task.Year,
        Name = task.Name,
        ListKind = task.ListKind,
        Source = task.Source,
        SourceDetail = task.SourceDetail,
        Target = task.Target,
        Standard = task.Standard,
        LeadDepartmentId = task.LeadDepartmentId,
        CooperatingDepartmentIds = [.. task.CooperatingDepartmentIds],
        ResponsiblePersonId = task.ResponsiblePersonId,
        SupervisingLeaderId = task.SupervisingLeaderId,
        Measures = task.Measures,
        Milestones = task.Milestones.Select(m => new Milestone
            { Id = m.Id, Due = m.Due, Description = m.Description, Done = m.Done, DoneOn = m.DoneOn,
              EvidenceIds = [.. m.EvidenceIds], EvidenceToFollow = m.EvidenceToFollow }).ToList(),
        Deadline = task.Deadline,
        ExpectedOutcomes = task.ExpectedOutcomes,
        Status = task.Status,
        ProgressSummary = task.ProgressSummary,
        Remarks = task.Remarks,
        AddedOn = task.AddedOn,
        SourceMeetingId = task.SourceMeetingId,
    };
}
