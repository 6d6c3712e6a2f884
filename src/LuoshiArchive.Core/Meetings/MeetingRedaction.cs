using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Meetings;

/// <summary>What a reader of a closed department sees of a meeting (<see cref="ReadAccess"/> decides the tasks).</summary>
public static class MeetingRedaction
{
    /// <summary>
    /// The meeting as <paramref name="actor"/> may see it: whole for those who read every task; for a closed department,
    /// a copy without the agenda items and decisions of other departments' tasks, or null when the meeting dealt only
    /// with those (a meeting without tasks, or the department's own, stays visible).
    /// </summary>
    public static Meeting? Redact(Meeting meeting, ReadAccess reading, Actor actor)
    {
        if (reading.ReadableTaskIds(actor) is not { } ids) return meeting;
        bool Readable(List<int> taskIds) => taskIds.Count == 0 || taskIds.Any(ids.Contains);
        var own = meeting.DepartmentId is { } d && d == actor.DepartmentId;
        if (!own && meeting.TaskIds.Count > 0 && !meeting.TaskIds.Any(ids.Contains)) return null;
        return new Meeting
        {
            Id = meeting.Id, Kind = meeting.Kind, Date = meeting.Date, Title = meeting.Title, Session = meeting.Session,
            Chair = meeting.Chair, Attendees = meeting.Attendees, Place = meeting.Place, DepartmentId = meeting.DepartmentId,
            IsYearEndSummary = meeting.IsYearEndSummary, CreatedAt = meeting.CreatedAt, CreatedBy = meeting.CreatedBy,
            // Minutes are filed in every task the meeting dealt with; the evidence page checks the reader again.
            MinutesEvidenceId = meeting.MinutesEvidenceId,
            Agenda = meeting.Agenda.Where(a => Readable(a.TaskIds))
                .Select(a => new AgendaItem { Text = a.Text, TaskIds = a.TaskIds.Where(ids.Contains).ToList() }).ToList(),
            Decisions = meeting.Decisions
                .Where(x => Readable(x.TaskIds) && (x.LeadDepartmentId is null || x.LeadDepartmentId == actor.DepartmentId
                    || x.TaskIds.Any(ids.Contains)))
                .Select(x => new MeetingDecision
                {
                    Id = x.Id, Text = x.Text, TaskIds = x.TaskIds.Where(ids.Contains).ToList(),
                    LeadDepartmentId = x.LeadDepartmentId, Deadline = x.Deadline,
                    CreatedTaskId = x.CreatedTaskId is { } t && ids.Contains(t) ? t : null,
                }).ToList(),
        };
    }
}
