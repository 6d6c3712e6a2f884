using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>The create/edit form as posted; blank milestone rows are ignored.</summary>
public sealed class TaskForm
{
    public const int BlankMilestoneRows = 3;

    /// <summary>Chinese names of the fields, for "value not valid" messages from model binding.</summary>
    public static string LabelOf(string modelStateKey) => modelStateKey.Split('.').Last().Split('[')[0] switch
    {
        nameof(Year) => "年度", nameof(Deadline) => "完成时限", nameof(AddedOn) => "列入日期",
        nameof(Due) => "时间节点日期", nameof(ListKind) => "清单类别", nameof(Source) => "任务来源",
        nameof(Status) => "状态", nameof(LeadDepartmentId) => "牵头处室", nameof(CooperatingDepartmentIds) => "配合处室",
        nameof(ResponsiblePersonId) => "责任人", nameof(SupervisingLeaderId) => "分管委领导",
        var other => other,
    };

    private const string Due = "Due";

    public int Year { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public TaskListKind ListKind { get; set; }
    public TaskSource Source { get; set; }
    public string? SourceDetail { get; set; }
    public string? Target { get; set; }
    public string? Standard { get; set; }
    public int? LeadDepartmentId { get; set; }
    public List<int> CooperatingDepartmentIds { get; set; } = [];
    public int? ResponsiblePersonId { get; set; }
    public int? SupervisingLeaderId { get; set; }
    public string? Measures { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? ExpectedOutcomes { get; set; }
    public KeyTaskStatus Status { get; set; }
    public string? ProgressSummary { get; set; }
    public string? Remarks { get; set; }
    public DateOnly? AddedOn { get; set; }
    public List<MilestoneInput> Milestones { get; set; } = [];

    public static TaskForm From(TaskDraft d) => new()
    {
        Year = d.Year, Code = d.Code, Name = d.Name, ListKind = d.ListKind, Source = d.Source,
        SourceDetail = d.SourceDetail, Target = d.Target, Standard = d.Standard, LeadDepartmentId = d.LeadDepartmentId,
        CooperatingDepartmentIds = d.CooperatingDepartmentIds, ResponsiblePersonId = d.ResponsiblePersonId,
        SupervisingLeaderId = d.SupervisingLeaderId, Measures = d.Measures, Deadline = d.Deadline,
        ExpectedOutcomes = d.ExpectedOutcomes, Status = d.Status, ProgressSummary = d.ProgressSummary,
        Remarks = d.Remarks, AddedOn = d.AddedOn,
        Milestones = MilestoneInput.FromMilestones(d.Milestones),
    };

    public TaskDraft ToDraft() => new()
    {
        Year = Year, Code = Code, Name = Name ?? "", ListKind = ListKind, Source = Source, SourceDetail = SourceDetail ?? "",
        Target = Target ?? "", Standard = Standard ?? "", LeadDepartmentId = LeadDepartmentId,
        CooperatingDepartmentIds = CooperatingDepartmentIds, ResponsiblePersonId = ResponsiblePersonId,
        SupervisingLeaderId = SupervisingLeaderId, Measures = Measures ?? "", Deadline = Deadline,
        ExpectedOutcomes = ExpectedOutcomes ?? "", Status = Status, ProgressSummary = ProgressSummary ?? "",
        Remarks = Remarks ?? "", AddedOn = AddedOn, Milestones = MilestoneInput.ToMilestones(Milestones),
    };
}

/// <summary>One milestone row of a form.</summary>
public sealed class MilestoneInput
{
    public Guid? Id { get; set; }
    public DateOnly? Due { get; set; }
    public string? Description { get; set; }

    /// <summary>Rows for the given milestones plus some blank rows to add new ones without script.</summary>
    public static List<MilestoneInput> FromMilestones(IEnumerable<Milestone> milestones) =>
        milestones.Select(m => new MilestoneInput { Id = m.Id, Due = m.Due, Description = m.Description })
            .Concat(Enumerable.Range(0, TaskForm.BlankMilestoneRows).Select(_ => new MilestoneInput())).ToList();

    public static List<Milestone> ToMilestones(IEnumerable<MilestoneInput> rows) =>
        rows.Where(r => r.Due is not null || !string.IsNullOrWhiteSpace(r.Description))
            .Select(r => new Milestone { Id = r.Id ?? Guid.NewGuid(), Due = r.Due ?? default, Description = r.Description?.Trim() ?? "" })
            .ToList();
}
