namespace LuoshiArchive.Core.Meetings;

/// <summary>What a user enters for a meeting; tasks are named by their codes.</summary>
public sealed class MeetingDraft
{
    public MeetingKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string Session { get; set; } = "";
    public string Chair { get; set; } = "";
    public List<string> Attendees { get; set; } = [];
    public string Place { get; set; } = "";
    public int? DepartmentId { get; set; }
    public bool IsYearEndSummary { get; set; }
    public List<(string Text, List<string> TaskCodes)> Agenda { get; set; } = [];
    public List<(string Text, List<string> TaskCodes, int? LeadDepartmentId, DateOnly? Deadline)> Decisions { get; set; } = [];
}
