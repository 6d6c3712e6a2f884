using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Meetings;

/// <summary>
/// The meeting register: meetings with their agenda and decisions, minutes filed once into every task the meeting
/// dealt with, and decisions turned into MeetingDecided tasks, linked both ways.
/// </summary>
public sealed class MeetingRegister(IMeetingStore store, TaskRegistry tasks, DossierService dossiers, TimeProvider clock, LuoshiOptions options,
    ReadAccess reading, Audit.AuditLog audit)
{
    private readonly Audit.AuditLog _audit = audit;

    public Meeting? Find(int id) => store.Meetings.FindById(id);

    /// <summary>The meeting as <paramref name="actor"/> may see it (<see cref="MeetingRedaction.Redact"/>): null when not theirs.</summary>
    public Meeting? Find(int id, Actor actor) => Find(id) is { } meeting ? MeetingRedaction.Redact(meeting, reading, actor) : null;

    public IReadOnlyList<Meeting> List(int? year) =>
        store.Meetings.FindAll().Where(m => year is null || m.Date.Year == year)
        .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).ToList();

    /// <summary>The year's meetings as <paramref name="actor"/> may see them (<see cref="MeetingRedaction.Redact"/>).</summary>
    public IReadOnlyList<Meeting> List(int? year, Actor actor) =>
        List(year).Select(m => MeetingRedaction.Redact(m, reading, actor)).OfType<Meeting>().ToList();

    /// <summary>Meetings that dealt with a task, newest first.</summary>
    public IReadOnlyList<Meeting> AboutTask(int taskId) =>
        store.Meetings.FindAll().Where(m => m.TaskIds.Contains(taskId)).OrderByDescending(m => m.Date).ToList();

    public Meeting Add(MeetingDraft draft, Actor actor)
    {
        Access.Demand(actor, Permission.ManageMeetings, _audit);
        var meeting = new Meeting { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name };
        Apply(meeting, draft);
        store.Meetings.Insert(meeting);
        _audit.Record(actor.Name, "meeting.added", $"会议 {meeting.Id}", $"{meeting.Date:yyyy-MM-dd} {meeting.Title}");
        return meeting;
    }

    /// <summary>Tasks' codes, for pages and the CLI.</summary>
    public IReadOnlyList<string> CodesOf(IEnumerable<int> taskIds)
    {
        var ids = taskIds.ToHashSet();
        return tasks.List(new TaskFilter()).Where(i => ids.Contains(i.Task.Id)).Select(i => i.Task.Code).ToList();
    }

    /// <summary>
    /// Files the minutes as one piece of evidence (kind: minutes) in the dossier of every task the meeting dealt
    /// with, plus <paramref name="extraTaskCodes"/>, which join the meeting's agenda.
    /// </summary>
    public async Task<Evidence> AttachMinutesAsync(int meetingId, Stream content, string fileName, IReadOnlyList<string> extraTaskCodes,
        Actor actor, CancellationToken cancellationToken = default)
    {
        Access.Demand(actor, Permission.ManageMeetings, _audit);
        var meeting = Find(meetingId) ?? throw new DomainRuleException($"会议 {meetingId} 不存在。");
        var extra = ResolveTasks(extraTaskCodes);
        var codes = CodesOf(meeting.TaskIds).Concat(extra.Select(t => t.Code)).Distinct().ToList();
        if (codes.Count == 0) throw new DomainRuleException("纪要要归入任务的档案：请先在议程中关联任务，或用 --task 指定任务。");
        var result = await dossiers.AddAsync(content, fileName, codes,
            new EvidenceDetails { Kind = EvidenceKind.Minutes, Date = meeting.Date }, actor, cancellationToken);
        var fresh = Find(meetingId)!;
        var known = fresh.TaskIds.ToHashSet();
        var joining = extra.Where(t => !known.Contains(t.Id)).Select(t => t.Id).ToList();
        if (joining.Count > 0) fresh.Agenda.Add(new AgendaItem { Text = "纪要涉及的其他任务", TaskIds = joining });
        fresh.MinutesEvidenceId = result.Evidence.Id;
        store.Meetings.Update(fresh);
        _audit.Record(actor.Name, "minutes.filed", $"会议 {meetingId}", $"纪要（材料 {result.Evidence.Id}）归入 {string.Join("、", codes)}");
        return result.Evidence;
    }

    /// <summary>Minutes written in the form: generated as a 纪要 DOCX (GB/T 9704 special format), then filed like an upload.</summary>
    public Task<Evidence> WriteMinutesAsync(int meetingId, IReadOnlyList<string> paragraphs, IReadOnlyList<string> extraTaskCodes,
        Actor actor, CancellationToken cancellationToken = default)
    {
        Access.Demand(actor, Permission.ManageMeetings, _audit);
        var meeting = Find(meetingId) ?? throw new DomainRuleException($"会议 {meetingId} 不存在。");
        if (paragraphs.All(string.IsNullOrWhiteSpace) && meeting.Decisions.Count == 0)
            throw new DomainRuleException("纪要内容为空：请填写纪要正文或议定事项。");
        var docx = new MemoryStream();
        MinutesDocument.Write(docx, meeting, options.OrganisationName, paragraphs);
        docx.Position = 0;
        return AttachMinutesAsync(meetingId, docx, MinutesDocument.Mark(meeting) + ".docx", extraTaskCodes, actor, cancellationToken);
    }

    /// <summary>Turns a decision into a MeetingDecided task, pre-filled from the meeting, and links the two.</summary>
    public KeyTask DecisionToTask(int meetingId, Guid decisionId, Actor actor)
    {
        Access.Demand(actor, Permission.ManageMeetings, _audit);
        var meeting = Find(meetingId) ?? throw new DomainRuleException($"会议 {meetingId} 不存在。");
        var decision = meeting.Decisions.FirstOrDefault(d => d.Id == decisionId) ?? throw new DomainRuleException("该议定事项不存在。");
        if (decision.CreatedTaskId is { } existing && store.Tasks.FindById(existing) is { } already)
            throw new DomainRuleException($"该议定事项已转为任务 {already.Code}。");
        return store.InTransaction(() =>
        {
            var task = tasks.Create(new TaskDraft
            {
                Year = meeting.Date.Year,
                Name = decision.Text.Length > 200 ? decision.Text[..200] : decision.Text,
                ListKind = TaskListKind.MeetingDecided,
                Source = TaskSource.CommissionMeeting,
                SourceDetail = $"{meeting.Date:yyyy年M月d日}{meeting.Title}",
                Target = decision.Text,
                LeadDepartmentId = decision.LeadDepartmentId,
                Deadline = decision.Deadline,
                AddedOn = tasks.Today,
                SourceMeetingId = meeting.Id,
            }, actor);
            decision.CreatedTaskId = task.Id;
            if (!decision.TaskIds.Contains(task.Id)) decision.TaskIds.Add(task.Id);
            store.Meetings.Update(meeting);
            _audit.Record(actor.Name, "decision.task", $"会议 {meeting.Id}", $"议定事项转为任务 {task.Code}");
            return task;
        });
    }

    private void Apply(Meeting meeting, MeetingDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Title)) throw new DomainRuleException("会议名称不能为空。");
        if (draft.Date == default) throw new DomainRuleException("请填写会议日期。");
        if (!Enum.IsDefined(draft.Kind)) throw new DomainRuleException("会议类别无效。");
        if (draft.Kind == MeetingKind.WeeklyDepartment && draft.DepartmentId is null)
            throw new DomainRuleException("处室每周例会须选择处室。");
        meeting.Kind = draft.Kind;
        meeting.Date = draft.Date;
        meeting.Title = draft.Title.Trim();
        meeting.Session = draft.Session.Trim();
        meeting.Chair = draft.Chair.Trim();
        meeting.Attendees = draft.Attendees.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        meeting.Place = draft.Place.Trim();
        meeting.DepartmentId = draft.DepartmentId;
        meeting.IsYearEndSummary = draft.IsYearEndSummary;
        meeting.Agenda = draft.Agenda.Where(a => !string.IsNullOrWhiteSpace(a.Text) || a.TaskCodes.Count > 0)
            .Select(a => new AgendaItem { Text = a.Text.Trim(), TaskIds = ResolveTasks(a.TaskCodes).Select(t => t.Id).ToList() }).ToList();
        meeting.Decisions = draft.Decisions.Where(d => !string.IsNullOrWhiteSpace(d.Text))
            .Select(d => new MeetingDecision
            {
                Text = d.Text.Trim(), TaskIds = ResolveTasks(d.TaskCodes).Select(t => t.Id).ToList(),
                LeadDepartmentId = d.LeadDepartmentId, Deadline = d.Deadline,
            }).ToList();
    }

    private List<KeyTask> ResolveTasks(IEnumerable<string> codes) =>
        codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct()
            .Select(c => tasks.Find(c) ?? throw new DomainRuleException($"任务“{c}”不存在。")).ToList();
}
