using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Incoming;

/// <summary>
/// The 收文 and 批示 register (来文来件): the office registers what arrives (with its file, filed like evidence and
/// searchable), writes the 拟办意见; a leader records the 批示; the office assigns it (交办) to new or existing tasks and,
/// once every task is completed, records the 办理结果 (with the 答复 for a suggestion or proposal).
/// </summary>
public sealed partial class IncomingRegister(IIncomingStore store, TaskRegistry tasks, DossierService dossiers,
    OrganisationDirectory directory, ReadAccess reading, Audit.AuditLog audit, TimeProvider clock)
{
    /// <summary>人大建议 and 政协提案 are answered within three months of receipt.</summary>
    public const int ReplyMonths = 3;

    public DateOnly Today => tasks.Today;

    public IncomingItem? Find(int id) => store.IncomingItems.FindById(id);

    /// <summary>The year's items (all years when null) that <paramref name="actor"/> may read, newest first.</summary>
    public IReadOnlyList<IncomingItem> List(int? year, Actor actor) =>
        (year is { } y ? store.IncomingItems.Find(i => i.Year == y) : store.IncomingItems.FindAll())
        .Where(i => MayRead(actor, i))
        .OrderByDescending(i => i.Received).ThenByDescending(i => i.Id).ToList();

    public IReadOnlyList<int> Years() =>
        store.IncomingItems.FindAll().Select(i => i.Year).Distinct().OrderByDescending(y => y).ToList();

    /// <summary>The codes of the item's tasks, in the order they were assigned.</summary>
    public IReadOnlyList<string> CodesOf(IncomingItem item) =>
        item.TaskIds.Select(id => store.Tasks.FindById(id)?.Code).OfType<string>().ToList();

    public IReadOnlyList<KeyTask> TasksOf(IncomingItem item) =>
        item.TaskIds.Select(id => store.Tasks.FindById(id)).OfType<KeyTask>().ToList();

    /// <summary>The item's dossier: the received document, the reply, and everything its tasks' dossiers hold.</summary>
    public IReadOnlyList<Evidence> DossierOf(IncomingItem item)
    {
        var own = new[] { item.EvidenceId, item.ReplyEvidenceId }.OfType<int>().Select(dossiers.Find).OfType<Evidence>();
        return own.Concat(item.TaskIds.SelectMany(dossiers.DossierOf)).Where(e => !e.IsRemoved).DistinctBy(e => e.Id).ToList();
    }

    /// <summary>May <paramref name="actor"/> read the item? Everyone who reads all tasks; a department user, once it
    /// is assigned to a task they may read.</summary>
    public bool MayRead(Actor actor, IncomingItem item) =>
        actor.Role != UserRole.DepartmentUser || TasksOf(item).Any(t => reading.MayRead(actor, t));

    /// <summary>Registers an item, with its file when one is given; prints nothing, returns the stored item.</summary>
    public async Task<IncomingItem> RegisterAsync(IncomingDraft draft, Stream? file, string? fileName, Actor actor,
        CancellationToken cancellationToken = default)
    {
        Access.Demand(actor, Permission.Supervise, audit);
        var item = Validate(draft);
        item.RegisteredAt = clock.GetUtcNow().UtcDateTime;
        item.RegisteredBy = actor.Name;
        if (file is not null)
        {
            var intake = await dossiers.AddReceivedAsync(file, fileName ?? "来文", new EvidenceDetails
            {
                Kind = draft.Kind is IncomingKind.Instruction or IncomingKind.Assignment ? EvidenceKind.Instruction
                    : EvidenceKind.Other,
                Title = item.Title, Number = item.Number, Date = item.Received, Author = item.From,
            }, actor, cancellationToken);
            item.EvidenceId = intake.Evidence.Id;
        }
        store.InTransaction(() =>
        {
            store.IncomingItems.Insert(item);
            audit.Record(actor.Name, "incoming.registered", $"来文 {item.Id}",
                $"{ChineseLabels.Of(item.Kind)}：{item.From} {item.Number}《{item.Title}》，{item.Received:yyyy-MM-dd}收，" +
                (item.Deadline is { } d ? $"限{d:yyyy-MM-dd}办结" : "无办结时限"));
        });
        return item;
    }

    /// <summary>拟办意见 by the office.</summary>
    public IncomingItem Propose(int id, string text, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, audit);
        var item = Open(id);
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("请填写拟办意见。");
        item.Proposal = new IncomingNote { Text = text.Trim(), By = actor.Name, On = Today, RecordedBy = actor.Name };
        return Save(item, actor, "incoming.proposed", "拟办意见：" + item.Proposal.Text);
    }

    /// <summary>
    /// 批示: a leader records it on their own account (their name, whatever is typed); the office types in a paper
    /// 批示 under the name of the leader who wrote it, which must be a 分管委领导 in 机构人员.
    /// </summary>
    public IncomingItem Instruct(int id, string leader, DateOnly on, string text, Actor actor)
    {
        if (!Access.Allows(actor, Permission.RecordInstruction))
            throw Access.Refuse(actor, audit, null,
                $"您的角色（{ChineseLabels.Of(actor.Role)}）无权记录批示：批示由委领导本人记录，或由办公室据纸质批示录入。");
        var item = Open(id);
        // Once assigned, the item's tasks say whose area it is: a leader instructs only on their own area's tasks.
        if (actor.Role == UserRole.Leader && TasksOf(item) is { Count: > 0 } assigned
            && !assigned.Any(t => LeaderArea.Covers(actor, t)))
            Access.Refuse(actor, audit, assigned[0], LeaderArea.Outside(actor, assigned[0], "对该来文作出批示"));
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("请填写批示内容。");
        if (on == default) throw new DomainRuleException("请填写批示日期。");
        if (on < item.Received) throw new DomainRuleException("批示日期不能早于收文日期。");
        var by = actor.Role == UserRole.Leader ? actor.Name : leader.Trim();
        if (actor.Role != UserRole.Leader && directory.Leaders().All(p => p.Name != by))
            throw new DomainRuleException($"“{by}”不是已登记的委领导：请填写作出批示的委领导姓名。");
        item.Instruction = new IncomingNote { Text = text.Trim(), By = by, On = on, RecordedBy = actor.Name };
        return Save(item, actor, "incoming.instructed", $"批示：{by} {on:yyyy-MM-dd}：{item.Instruction.Text}");
    }

    private IncomingItem Validate(IncomingDraft draft)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(draft.Kind)) problems.Add("类别无效");
        if (string.IsNullOrWhiteSpace(draft.From)) problems.Add("请填写来文单位");
        if (string.IsNullOrWhiteSpace(draft.Title)) problems.Add("请填写标题");
        else if (draft.Title.Trim().Length > 200) problems.Add("标题不能超过200字");
        if (draft.Received == default) problems.Add("请填写收文日期");
        else if (draft.Received > Today) problems.Add("收文日期不能晚于今天");
        if (draft.Deadline is { } d && draft.Received != default && d < draft.Received) problems.Add("办结时限不能早于收文日期");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        var reply = draft.Kind is IncomingKind.Suggestion or IncomingKind.Proposal;
        return new IncomingItem
        {
            Kind = draft.Kind, From = draft.From.Trim(), Number = draft.Number.Trim(), Title = draft.Title.Trim(),
            Received = draft.Received, Year = draft.Received.Year,
            Deadline = draft.Deadline ?? (reply ? draft.Received.AddMonths(ReplyMonths) : null),
        };
    }

    private IncomingItem Open(int id)
    {
        var item = Find(id) ?? throw new DomainRuleException($"来文 {id} 不存在。");
        if (item.DoneOn is not null) throw new DomainRuleException($"来文 {id} 已办结。");
        return item;
    }

    private IncomingItem Save(IncomingItem item, Actor actor, string action, string details) =>
        store.InTransaction(() =>
        {
            store.IncomingItems.Update(item);
            audit.Record(actor.Name, action, $"来文 {item.Id}", details);
            return item;
        });
}
