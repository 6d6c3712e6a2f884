using LuoshiArchive.Core.Accounts;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Meetings;

public sealed class MeetingRegisterTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 4, 10));
    private readonly List<KeyTask> _tasks;
    private readonly Department _office;

    public MeetingRegisterTests()
    {
        _office = _storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        _tasks = new[] { "建立佐证材料档案", "开展月度自查自评", "推进课后服务全覆盖" }
            .Select(n => _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = n }, Actor.Console("t"))).ToList();
    }

    private Meeting AddMeeting() => _storage.Meetings.Add(new MeetingDraft
    {
        Kind = MeetingKind.DirectorsOffice, Date = new DateOnly(2018, 3, 20), Title = "主任办公会", Session = "2018年第3次",
        Chair = "王建国", Attendees = ["李红梅", "张志强"], Place = "第一会议室",
        Agenda = [("佐证材料归档情况", [_tasks[0].Code, _tasks[1].Code]), ("课后服务进展", [_tasks[2].Code])],
        Decisions = [("各处室于4月底前完成佐证材料分类整理", [_tasks[0].Code], _office.Id, new DateOnly(2018, 4, 30))],
    }, Actor.Console("办公室"));

    [Fact]
    public async Task One_minutes_file_is_stored_once_and_filed_in_every_task_the_meeting_dealt_with()
    {
        var meeting = AddMeeting();

        var evidence = await _storage.Meetings.AttachMinutesAsync(meeting.Id,
            new MemoryStream("主任办公会纪要\n会议研究了佐证材料归档和课后服务工作。\n2018年3月20日"u8.ToArray()), "纪要.txt", [], Actor.Console("办公室"));

        Assert.Equal(EvidenceKind.Minutes, evidence.Kind);
        Assert.Equal(1, _storage.Store.Evidence.Count());
        foreach (var task in _tasks) Assert.Equal(evidence.Id, Assert.Single(_storage.Dossiers.DossierOf(task.Id)).Id);
        var hit = Assert.Single(_storage.Dossiers.Search(new SearchQuery("佐证材料归档")).Hits);
        Assert.Equal(_tasks.Select(t => t.Code).Order(), hit.TaskCodes.Order());
        Assert.Equal(evidence.Id, _storage.Meetings.Find(meeting.Id)!.MinutesEvidenceId);
        Assert.Equal(meeting.Id, Assert.Single(_storage.Meetings.AboutTask(_tasks[2].Id)).Id);
    }

    [Fact]
    public async Task Minutes_written_in_the_form_become_a_valid_gbt9704_minutes_docx_in_the_dossiers()
    {
        var meeting = AddMeeting();

        var evidence = await _storage.Meetings.WriteMinutesAsync(meeting.Id, ["会议听取了各处室重点工作进展汇报。"], [], Actor.Console("办公室"));

        Assert.Equal("主任办公会纪要.docx", evidence.OriginalFileName);
        Assert.Equal(3, _tasks.Count(t => _storage.Dossiers.DossierOf(t.Id).Any(e => e.Id == evidence.Id)));
        using var original = _storage.Dossiers.OpenOriginal(evidence);
        using var copy = new MemoryStream();
        original.CopyTo(copy);
        using var docx = WordprocessingDocument.Open(copy, false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(docx));
        var xml = docx.MainDocumentPart!.Document.OuterXml;
        Assert.Contains("w:w=\"11906\" w:h=\"16838\"", xml);
        Assert.Contains("w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\"", xml);
        Assert.Contains("w:linePitch=\"579\"", xml);
        var mark = docx.MainDocumentPart.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First();
        Assert.Equal("主任办公会纪要", mark.InnerText);
        Assert.Contains("w:color w:val=\"FF0000\"", mark.OuterXml);
        Assert.Contains("方正小标宋简体", mark.OuterXml);
        Assert.Contains("出席：李红梅、张志强", xml);
        Assert.Contains("一、各处室于4月底前完成佐证材料分类整理", xml);
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("重点工作进展汇报")).Hits);
    }

    [Fact]
    public void A_decision_becomes_a_meeting_decided_task_linked_both_ways_once()
    {
        var meeting = AddMeeting();
        var decision = meeting.Decisions.Single();

        var task = _storage.Meetings.DecisionToTask(meeting.Id, decision.Id, Actor.Console("办公室"));

        Assert.Equal(TaskListKind.MeetingDecided, task.ListKind);
        Assert.Equal(TaskSource.CommissionMeeting, task.Source);
        Assert.Equal(_office.Id, task.LeadDepartmentId);
        Assert.Equal(new DateOnly(2018, 4, 30), task.Deadline);
        Assert.Equal(meeting.Id, _storage.Tasks.Find(task.Code)!.SourceMeetingId);
        Assert.Equal(task.Id, _storage.Meetings.Find(meeting.Id)!.Decisions.Single().CreatedTaskId);
        Assert.Contains(_storage.Meetings.AboutTask(task.Id), m => m.Id == meeting.Id);
        Assert.Throws<DomainRuleException>(() => _storage.Meetings.DecisionToTask(meeting.Id, decision.Id, Actor.Console("办公室")));
    }

    [Fact]
    public async Task Minutes_for_a_meeting_with_no_tasks_are_refused_and_nothing_is_stored()
    {
        var meeting = _storage.Meetings.Add(new MeetingDraft { Kind = MeetingKind.Special, Date = new DateOnly(2018, 3, 1), Title = "专题会" }, Actor.Console("t"));
        await Assert.ThrowsAsync<DomainRuleException>(() =>
            _storage.Meetings.AttachMinutesAsync(meeting.Id, new MemoryStream("纪要"u8.ToArray()), "纪要.txt", [], Actor.Console("t")));
        Assert.Equal(0, _storage.Store.Evidence.Count());
    }

    [Fact]
    public void A_meeting_naming_an_unknown_task_is_refused() =>
        Assert.Throws<DomainRuleException>(() => _storage.Meetings.Add(new MeetingDraft
        {
            Kind = MeetingKind.Coordination, Date = new DateOnly(2018, 3, 1), Title = "协调会", Agenda = [("议题", ["2018-999"])],
        }, Actor.Console("t")));

    public void Dispose() => _storage.Dispose();
}
