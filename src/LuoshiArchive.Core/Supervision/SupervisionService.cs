using System.Globalization;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// Supervision (督查督办): the office issues orders (督办单) to departments; a department answers with a progress entry;
/// open, answered and overdue orders are listed; each order prints as a GB/T 9704 DOCX.
/// </summary>
public sealed class SupervisionService(ISupervisionStore store, TaskRegistry tasks, ProgressLog progress, OrganisationDirectory directory,
    LuoshiOptions options, ReadAccess reading, Audit.AuditLog audit)
{
    public const string DefaultHowToReply = "请于办理时限前在落实档案系统中填报办理进展并回复本督办单，同时上传相关佐证材料。";
    private readonly Audit.AuditLog _audit = audit;

    public DateOnly Today => tasks.Today;

    public SupervisionOrder? Find(int id) => store.SupervisionOrders.FindById(id);

    /// <summary>Orders, newest first, optionally of one year (of issue), state (today), department or task.</summary>
    public IReadOnlyList<SupervisionOrder> List(int? year = null, SupervisionOrderState? state = null, int? departmentId = null, int? taskId = null)
    {
        var today = Today;
        return store.SupervisionOrders.FindAll()
            .Where(o => year is null || o.Year == year)
            .Where(o => state is null || o.StateOn(today) == state)
            .Where(o => departmentId is null || o.DepartmentId == departmentId)
            .Where(o => taskId is null || o.TaskId == taskId)
            .OrderByDescending(o => o.IssuedOn).ThenByDescending(o => o.Id).ToList();
    }

    /// <summary>The orders <paramref name="actor"/> may read: those about tasks they may read (<see cref="ReadAccess"/>).</summary>
    public IReadOnlyList<SupervisionOrder> List(int? year, SupervisionOrderState? state, int? departmentId, Actor actor) =>
        reading.Only(List(year, state, departmentId), o => o.TaskId, actor);

    /// <summary>
    /// Issues a supervision order (督办单). Only the office's supervisors (and administrators) may; the department
    /// defaults to the task's lead department; the date may not have passed.
    /// </summary>
    public SupervisionOrder Issue(SupervisionOrderDraft draft, Actor actor)
    {
        // A role question, asked before anything about the task is revealed (a leader reads every task: theirs is
        // asked once the task is known, as only tasks of their area may be ordered by them).
        if (actor.Role != UserRole.Leader) Access.Demand(actor, Permission.Supervise, _audit);
        var task = tasks.Find(draft.TaskCode ?? "") ?? throw new DomainRuleException($"任务“{draft.TaskCode}”不存在。");
        if (actor.Role == UserRole.Leader && !LeaderArea.Covers(actor, task))
            Access.Refuse(actor, _audit, task, LeaderArea.Outside(actor, task, "下发督办单"));
        var departmentId = draft.DepartmentId ?? task.LeadDepartmentId
            ?? throw new DomainRuleException($"任务 {task.Code} 尚未确定牵头处室：请选择督办的处室。");
        var department = directory.Department(departmentId) ?? throw new DomainRuleException("所选处室不存在。");
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.What)) problems.Add("请填写督办事项");
        else if (draft.What.Trim().Length > ProgressLog.MaxTextLength) problems.Add($"督办事项不能超过{ProgressLog.MaxTextLength}字");
        if (draft.Due == default) problems.Add("请填写办理时限");
        else if (draft.Due < Today) problems.Add("办理时限不能早于今天");
        if ((draft.HowToReply ?? "").Trim().Length > ProgressLog.MaxTextLength) problems.Add("回复要求过长");
        if ((draft.SourceDocument ?? "").Trim().Length > 200) problems.Add("督办依据不能超过200字");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        return store.InTransaction(() =>
        {
            store.LockForWrite("supervision_orders");
            var year = Today.Year;
            var sequence = store.SupervisionOrders.Find(o => o.Year == year).Select(o => o.Sequence).DefaultIfEmpty(0).Max() + 1;
            var order = new SupervisionOrder
            {
                Year = year, Sequence = sequence, Number = $"督办〔{year}〕{sequence.ToString(CultureInfo.InvariantCulture)}号",
                TaskId = task.Id, TaskCode = task.Code, DepartmentId = department.Id, What = draft.What.Trim(), Due = draft.Due,
                HowToReply = string.IsNullOrWhiteSpace(draft.HowToReply) ? DefaultHowToReply : draft.HowToReply.Trim(),
                SourceDocument = (draft.SourceDocument ?? "").Trim(), IssuedOn = Today, IssuedBy = actor.Name,
            };
            store.SupervisionOrders.Insert(order);
            _audit.Record(actor.Name, "supervision.issued", $"任务 {task.Code}",
                $"{order.Number} 致 {department.Name}：{ProgressLog.Shorten(order.What)}；时限 {order.Due:yyyy-MM-dd}"
                + (order.SourceDocument.Length > 0 ? $"；依据 {order.SourceDocument}" : ""));
            return order;
        });
    }

    /// <summary>
    /// The department's reply: a progress entry on the order's task (with its files), which answers the order. Those who
    /// may edit the task may reply, and so may the ordered department where it may file evidence on the task.
    /// </summary>
    public async Task<ProgressEntry> ReplyAsync(int orderId, ProgressDraft draft, IReadOnlyList<IncomingFile> files, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var order = Find(orderId) ?? throw new DomainRuleException("该督办单不存在。");
        var task = store.Tasks.FindById(order.TaskId) ?? throw new DomainRuleException("督办单所督办的任务已不存在。");
        var orderedDepartment = actor.DepartmentId == order.DepartmentId && Access.Allows(actor, Permission.FileEvidence, task);
        if (!orderedDepartment) Access.Demand(actor, Permission.EditTask, _audit, task);
        if (order.AnsweredOn is not null) throw new DomainRuleException($"督办单 {order.Number} 已于 {order.AnsweredOn:yyyy-MM-dd} 回复。如有新进展，请在任务页填报。");
        if (order.WithdrawnOn is { } withdrawn)
            throw new DomainRuleException($"督办单 {order.Number} 已于 {withdrawn:yyyy-MM-dd} 撤回，无需回复。如有新进展，请在任务页填报。");
        var entry = await progress.AddAsync(task.Code, draft, files, actor, order, cancellationToken);
        store.InTransaction(() =>
        {
            var fresh = Find(orderId)!;
            fresh.ReplyEntryId = entry.Id;
            fresh.AnsweredOn = Today;
            fresh.AnsweredBy = actor.Name;
            store.SupervisionOrders.Update(fresh);
            _audit.Record(actor.Name, "supervision.answered", $"任务 {task.Code}",
                $"{fresh.Number} 已回复（进展 {entry.Id}）" + (fresh.AnsweredLate ? "，逾期回复" : ""));
        });
        return entry;
    }

    /// <summary>Who may issue (and so withdraw) an order on <paramref name="task"/>: the office, or a leader in their area.
    /// </summary>
    public static bool MayIssueOn(Actor actor, KeyTask task) =>
        actor.Role == UserRole.Leader ? LeaderArea.Covers(actor, task) : Access.Allows(actor, Permission.Supervise);

    /// <summary>
    /// Withdraws an order not yet answered (撤回), with a reason: it no longer awaits a reply, is no longer reminded of
    /// or counted as overdue, and stays on record with who withdrew it, when and why. Who may issue it may withdraw it.
    /// </summary>
    public SupervisionOrder Withdraw(int orderId, string reason, Actor actor)
    {
        var order = Find(orderId) ?? throw new DomainRuleException("该督办单不存在。");
        var task = store.Tasks.FindById(order.TaskId) ?? throw new DomainRuleException("督办单所督办的任务已不存在。");
        if (!MayIssueOn(actor, task))
        {
            if (actor.Role != UserRole.Leader) Access.Demand(actor, Permission.Supervise, _audit);
            Access.Refuse(actor, _audit, task, LeaderArea.Outside(actor, task, "撤回督办单"));
        }
        var why = (reason ?? "").Trim();
        if (why.Length == 0) throw new DomainRuleException("请填写撤回理由。");
        if (why.Length > 200) throw new DomainRuleException("撤回理由不能超过200字。");
        return store.InTransaction(() =>
        {
            var fresh = Find(orderId)!;
            if (fresh.WithdrawnOn is { } withdrawn)
                throw new DomainRuleException($"督办单 {fresh.Number} 已于 {withdrawn:yyyy-MM-dd} 撤回。");
            if (fresh.AnsweredOn is { } answered)
                throw new DomainRuleException($"督办单 {fresh.Number} 已于 {answered:yyyy-MM-dd} 回复，不能撤回。");
            fresh.WithdrawnOn = Today;
            fresh.WithdrawnBy = actor.Name;
            fresh.WithdrawalReason = why;
            store.SupervisionOrders.Update(fresh);
            _audit.Record(actor.Name, "supervision.withdrawn", $"任务 {task.Code}", $"{fresh.Number} 撤回：{why}");
            return fresh;
        });
    }

    /// <summary>The order printed as a 督办单 (GB/T 9704 page).</summary>
    public void WriteDocx(SupervisionOrder order, Stream output)
    {
        var task = store.Tasks.FindById(order.TaskId);
        SupervisionOrderDocument.Write(output, order, task, directory.DepartmentName(order.DepartmentId), options.OrganisationName);
    }

    public string DepartmentName(int? id) => directory.DepartmentName(id);
}
