using LuoshiArchive.Core.Text;
using System.Text.Json.Nodes;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// Drafts 通报表扬 and 通报批评 from the task records: who (the lead departments), the facts of each task (deadline,
/// milestones met or missed, outcome, evidence), the decision and the call — worded by the genre's template.
/// </summary>
public sealed class Drafting(DocumentTemplates templates, OrganisationDirectory directory, LuoshiOptions options)
{
    /// <summary>Tasks fit for a commendation: completed, every milestone done by its due date.</summary>
    public static bool CompletedOnTime(KeyTask task) =>
        task.Status == KeyTaskStatus.Completed && task.Milestones.All(m => m.Done && m.DoneOn is { } on && on <= m.Due)
        && (task.Deadline is null || task.Milestones.Count == 0 || task.Milestones.Max(m => m.DoneOn) <= task.Deadline);

    /// <summary>Tasks fit for a criticism: past the deadline unfinished, or with a milestone missed.</summary>
    public static bool Failing(KeyTask task, DateOnly today) =>
        task.Status != KeyTaskStatus.Cancelled && (task.IsOverdue(today) || task.Milestones.Any(m => m.IsMissed(today)
            || m.WasDoneLate));

    public (DocumentSpec Spec, DocumentLayout Layout) Commendation(IReadOnlyList<KeyTask> tasks, DateOnly date, IReadOnlyDictionary<int, int> evidenceCounts)
    {
        if (tasks.Count == 0) throw new DomainRuleException("请至少选择一项按时完成的任务。");
        var template = templates.Load(DocumentGenre.Commendation);
        var facts = tasks.Select(t => CommendationFact(t, evidenceCounts.GetValueOrDefault(t.Id))).ToList();
        return Fill(template, tasks, date, facts, "事迹", replyDue: null);
    }

    public (DocumentSpec Spec, DocumentLayout Layout, DateOnly ReplyDue) Criticism(IReadOnlyList<KeyTask> tasks, DateOnly date, DateOnly today,
        IReadOnlyDictionary<int, int> evidenceCounts)
    {
        if (tasks.Count == 0) throw new DomainRuleException("请至少选择一项逾期或未完成的任务。");
        var template = templates.Load(DocumentGenre.Criticism);
        var replyDue = date.AddDays(template.ReplyDays);
        var facts = tasks.Select(t => CriticismFact(t, today, evidenceCounts.GetValueOrDefault(t.Id))).ToList();
        var (spec, layout) = Fill(template, tasks, date, facts, "事实", replyDue);
        return (spec, layout, replyDue);
    }

    private (DocumentSpec, DocumentLayout) Fill(DocumentTemplates.Template template, IReadOnlyList<KeyTask> tasks, DateOnly date,
        IReadOnlyList<string> facts, string listField, DateOnly? replyDue)
    {
        var departments = tasks.Select(t => directory.DepartmentName(t.LeadDepartmentId)).Where(n => n.Length > 0).Distinct().ToList();
        var fields = new Dictionary<string, string>
        {
            ["机关名称"] = options.OrganisationName,
            ["对象"] = departments.Count > 0 ? string.Join("、", departments) : "有关处室",
            ["年度"] = tasks.Min(t => t.Year).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["整改期限"] = replyDue is { } r ? ChineseDates.Format(r) : "",
        };
        var filled = DocumentTemplates.Fill(template.Spec, fields, new Dictionary<string, IReadOnlyList<string>> { [listField] = facts });
        filled["date"] = date.ToString("yyyy-MM-dd");
        filled["printDate"] = date.ToString("yyyy-MM-dd");
        filled["number"] = "auto";
        return (DocumentSpecReader.Parse(filled.ToJsonString()), template.Layout);
    }

    private string CommendationFact(KeyTask t, int evidence)
    {
        var department = Who(t);
        var finished = t.Milestones.Where(m => m.DoneOn is not null).Select(m => m.DoneOn!.Value).DefaultIfEmpty().Max();
        var when = finished == default ? "按期" : $"于{ChineseDates.Format(finished)}";
        var deadline = t.Deadline is { } d ? $"（完成时限{ChineseDates.Format(d)}）" : "";
        var milestones = t.Milestones.Count > 0 ? $"{t.Milestones.Count}个时间节点全部按期完成，" : "";
        var outcome = FirstLine(t.ExpectedOutcomes) is { Length: > 0 } o ? $"取得“{o.TrimEnd('。')}”等成果，" : "";
        var proof = evidence > 0 ? $"形成佐证材料{evidence}件" : "成效明显";
        var person = directory.PersonName(t.ResponsiblePersonId) is { Length: > 0 } name ? $"（责任人：{name}）" : "";
        return $"{department}{person}牵头承担的“{t.Name}”任务{deadline}，{milestones}{when}完成，{outcome}{proof}。";
    }

    private string CriticismFact(KeyTask t, DateOnly today, int evidence)
    {
        var department = Who(t);
        var parts = new List<string>();
        if (t.Deadline is { } d && t.IsOverdue(today))
            parts.Add($"完成时限为{ChineseDates.Format(d)}，截至{ChineseDates.Format(today)}仍未完成，已逾期{today.DayNumber - d.DayNumber}天");
        foreach (var m in t.Milestones.Where(m => m.IsMissed(today)))
            parts.Add($"“{m.Description}”节点应于{ChineseDates.Format(m.Due)}完成，逾期{today.DayNumber - m.Due.DayNumber}天未完成");
        foreach (var m in t.Milestones.Where(m => m.WasDoneLate))
            parts.Add($"“{m.Description}”节点应于{ChineseDates.Format(m.Due)}完成，实际于{ChineseDates.Format(m.DoneOn!.Value)}完成，延误{m.DoneOn!.Value.DayNumber - m.Due.DayNumber}天");
        parts.Add(evidence == 0 ? "档案中没有任何佐证材料" : $"档案中仅有佐证材料{evidence}件");
        return $"{department}牵头承担的“{t.Name}”任务，{string.Join("；", parts)}。";
    }

    private string Who(KeyTask t) => directory.DepartmentName(t.LeadDepartmentId) is { Length: > 0 } name ? name : "有关处室";

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
