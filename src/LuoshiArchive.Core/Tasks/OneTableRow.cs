using System.Globalization;
using LuoshiArchive.Core.Organisation;

namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// One row of the 工作落实清单一览表: a task as people read it, with names instead of ids. The same columns drive the
/// screen, the print view, the XLSX export and import, and the field names of a task's change history.
/// </summary>
public sealed record OneTableRow
{
    /// <summary>The columns of DOMAIN.md, in order, plus 任务编号 and 年度 so that an export re-imports as the same tasks.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "序号", "任务编号", "年度", "任务名称", "清单类别", "任务来源", "目标任务", "工作标准", "牵头处室", "配合处室",
        "责任人", "分管委领导", "工作措施", "预期成果", "时间节点", "完成时限", "进展情况", "佐证材料(件数)", "状态", "备注",
    ];

    public int Number { get; init; }
    public string Code { get; init; } = "";
    public int Year { get; init; }
    public string Name { get; init; } = "";
    public string ListKind { get; init; } = "";
    public string Source { get; init; } = "";
    public string Target { get; init; } = "";
    public string Standard { get; init; } = "";
    public string LeadDepartment { get; init; } = "";
    /// <summary>Department names joined with "、".</summary>
    public string CooperatingDepartments { get; init; } = "";
    public string ResponsiblePerson { get; init; } = "";
    public string SupervisingLeader { get; init; } = "";
    public string Measures { get; init; } = "";
    public string ExpectedOutcomes { get; init; } = "";
    /// <summary>One milestone a line, "yyyy-MM-dd 描述 [已完成]".</summary>
    public string Milestones { get; init; } = "";
    /// <summary>yyyy-MM-dd or empty.</summary>
    public string Deadline { get; init; } = "";
    public string Progress { get; init; } = "";
    public int EvidenceCount { get; init; }
    public string Status { get; init; } = "";
    public string Remarks { get; init; } = "";
    /// <summary>The level in the decomposition tree as shown (0 at the top); not a column.</summary>
    public int Depth { get; init; }
    /// <summary>A parent's roll-up of its children (<see cref="TaskRollup.Progress"/>), empty otherwise; not a column.</summary>
    public string Rollup { get; init; } = "";

    public static OneTableRow From(KeyTask task, OrganisationDirectory directory, int number, int evidenceCount) => new()
    {
        Number = number,
        Code = task.Code,
        Year = task.Year,
        Name = task.Name,
        ListKind = ChineseLabels.Of(task.ListKind),
        Source = ChineseLabels.Of(task.Source),
        Target = task.Target,
        Standard = task.Standard,
        LeadDepartment = directory.DepartmentName(task.LeadDepartmentId),
        CooperatingDepartments = string.Join("、", task.CooperatingDepartmentIds.Select(id => directory.DepartmentName(id))),
        ResponsiblePerson = directory.PersonName(task.ResponsiblePersonId),
        SupervisingLeader = directory.PersonName(task.SupervisingLeaderId),
        Measures = task.Measures,
        ExpectedOutcomes = task.ExpectedOutcomes,
        Milestones = string.Join("\n", task.Milestones.Select(m => m.ToString())),
        Deadline = task.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        Progress = task.ProgressSummary,
        EvidenceCount = evidenceCount,
        Status = ChineseLabels.Of(task.Status),
        Remarks = task.Remarks,
    };

    /// <summary>The cell texts in <see cref="Columns"/> order.</summary>
    public IReadOnlyList<string> Cells() =>
    [
        Number.ToString(CultureInfo.InvariantCulture), Code, Year.ToString(CultureInfo.InvariantCulture), Name, ListKind,
        Source, Target, Standard, LeadDepartment, CooperatingDepartments, ResponsiblePerson, SupervisingLeader, Measures,
        ExpectedOutcomes, Milestones, Deadline, Progress, EvidenceCount.ToString(CultureInfo.InvariantCulture), Status,
        Remarks,
    ];
}
