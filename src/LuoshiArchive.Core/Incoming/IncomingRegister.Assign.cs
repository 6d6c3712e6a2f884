using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Incoming;

// 交办 (to existing tasks, or to a new one carrying the source, deadline and 批示) and 办结 with the 办理结果.
public sealed partial class IncomingRegister
{
    /// <summary>交办 to existing tasks: the item lists them and its document is filed into each one's dossier.</summary>
    public IncomingItem Assign(int id, IReadOnlyList<string> taskCodes, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, audit);
        var item = Open(id);
        if (taskCodes.Count == 0) throw new DomainRuleException("请指定交办的任务。");
        var found = taskCodes.Select(c => tasks.Find(c) ?? throw new DomainRuleException($"任务“{c}”不存在。"))
            .DistinctBy(t => t.Id).ToList();
        return Attach(item, found, actor);
    }

    /// <summary>
    /// 交办 to a new task of the lead department: its source follows the item's kind, its source detail names the item
    /// and carries the 批示, its deadline is the one given (the item's by default).
    /// </summary>
    public KeyTask AssignNewTask(int id, string name, int? departmentId, DateOnly? deadline, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, audit);
        var item = Open(id);
        if (departmentId is null) throw new DomainRuleException("请指定牵头处室。");
        var due = deadline ?? item.Deadline ?? throw new DomainRuleException("请填写完成时限。");
        var task = store.InTransaction(() =>
        {
            var created = tasks.Create(new TaskDraft
            {
                Year = item.Year, Name = string.IsNullOrWhiteSpace(name) ? item.Title : name,
                ListKind = item.NeedsReply ? TaskListKind.Special : TaskListKind.Department,
                Source = SourceOf(item.Kind), SourceDetail = SourceDetail(item),
                Target = item.NeedsReply ? $"按时答复{ChineseLabels.Of(item.Kind)}《{item.Title}》" : $"落实《{item.Title}》",
                LeadDepartmentId = departmentId, Deadline = due, Remarks = InstructionText(item),
            }, actor);
            Attach(item, [created], actor);
            return created;
        });
        return task;
    }

    /// <summary>
    /// 办结: every task of the item is completed; the 办理结果 is written; a suggestion or proposal also needs its reply
    /// (答复) document and date, filed into its tasks' dossiers.
    /// </summary>
    public async Task<IncomingItem> CloseAsync(int id, string result, Stream? reply, string? replyFileName,
        DateOnly? repliedOn, Actor actor, CancellationToken cancellationToken = default)
    {
        Access.Demand(actor, Permission.Supervise, audit);
        var item = Open(id);
        var itemTasks = TasksOf(item);
        if (itemTasks.Count == 0) throw new DomainRuleException("该来文尚未交办，不能办结。");
        var open = itemTasks.Where(t => t.Status != KeyTaskStatus.Completed).Select(t => t.Code).ToList();
        if (open.Count > 0) throw new DomainRuleException($"交办的任务尚未全部办结（{string.Join("、", open)}），不能办结。");
        if (string.IsNullOrWhiteSpace(result)) throw new DomainRuleException("请填写办理结果。");
        if (item.NeedsReply && (reply is null || repliedOn is null))
            throw new DomainRuleException($"{ChineseLabels.Of(item.Kind)}办结须上传答复件并填写答复日期。");
        if (repliedOn is { } r && (r < item.Received || r > Today)) throw new DomainRuleException("答复日期应在收文日期和今天之间。");
        if (reply is not null)
        {
            var intake = await dossiers.AddAsync(reply, replyFileName ?? "答复", CodesOf(item), new EvidenceDetails
            {
                Kind = EvidenceKind.OutgoingDocument, Title = $"关于《{item.Title}》的答复", Date = repliedOn,
            }, actor, cancellationToken);
            item.ReplyEvidenceId = intake.Evidence.Id;
            item.RepliedOn = repliedOn;
        }
        item.Result = result.Trim();
        item.DoneOn = Today;
        return Save(item, actor, "incoming.done", "办理结果：" + item.Result
            + (item.RepliedOn is { } on ? $"；{on:yyyy-MM-dd}答复（材料 {item.ReplyEvidenceId}）" : ""));
    }

    private IncomingItem Attach(IncomingItem item, IReadOnlyList<KeyTask> found, Actor actor)
    {
        var added = found.Where(t => !item.TaskIds.Contains(t.Id)).ToList();
        if (added.Count == 0) return item;
        if (item.EvidenceId is { } evidence)
            foreach (var task in added) dossiers.FileInto(evidence, task.Code, actor);
        item.TaskIds.AddRange(added.Select(t => t.Id));
        item.AssignedOn ??= Today;
        return Save(item, actor, "incoming.assigned", "交办：" + string.Join("、", added.Select(t => t.Code)));
    }

    private static TaskSource SourceOf(IncomingKind kind) => kind switch
    {
        IncomingKind.Suggestion or IncomingKind.Proposal => TaskSource.Proposal,
        IncomingKind.Instruction or IncomingKind.Assignment => TaskSource.LeaderInstruction,
        _ => TaskSource.MunicipalInstruction,
    };

    private static string SourceDetail(IncomingItem item) =>
        $"{ChineseLabels.Of(item.Kind)}：{item.From}{(item.Number.Length > 0 ? " " + item.Number : "")}《{item.Title}》" +
        $"（{item.Received:yyyy-MM-dd}收，来文 {item.Id}）";

    private static string InstructionText(IncomingItem item) =>
        item.Instruction is { } i ? $"批示：{i.By} {i.On:yyyy-MM-dd}：{i.Text}" : "";
}
