using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// Closed reconciliations (对账) as kept records: the office closes a period that has ended (rows, flags and the XLSX
/// frozen, an answer deadline set), and each lead department confirms its rows or explains a flag. A department user
/// sees and answers only its own department's rows; an answer after the deadline is kept and marked 逾期.
/// </summary>
public sealed class ReconciliationRecords(ISupervisionStore store, ReconciliationService live, TaskRegistry tasks,
    KeptFiles files, TimeProvider clock, Audit.AuditLog audit, LuoshiOptions options)
{
    public const int MaxAnswerLength = 2000;

    /// <summary>Closes a period's reconciliation; refused while the period runs or when it is closed already.</summary>
    public ClosedReconciliation Close(ReportingPeriod period, DateOnly answerDue, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, audit);
        var today = tasks.Today;
        if (period.To >= today)
            throw new DomainRuleException($"{period.Label}尚未结束（截至 {period.To:yyyy-MM-dd}），不能结账：请在期满后关闭对账。");
        if (answerDue < today) throw new DomainRuleException("答复期限不能早于今天。");
        if (answerDue > today.AddDays(90)) throw new DomainRuleException("答复期限不能晚于今天起90天。");
        var key = period.ToString();
        if (store.Reconciliations.FindOne(r => r.Key == key) is { } closed)
            throw new DomainRuleException(
                $"{period.Label}的对账已于 {Local(closed.ClosedAt):yyyy-MM-dd HH:mm} 由 {closed.ClosedBy} 关闭，不能重复关闭。");
        var report = live.For(period);
        var record = new ClosedReconciliation
        {
            Key = key, Year = period.Year, Month = period.Month, Quarter = period.Quarter, AsOf = report.AsOf,
            ClosedAt = clock.GetUtcNow().UtcDateTime, ClosedBy = actor.Name, AnswerDue = answerDue,
            Rows = report.Rows.Select(Frozen).ToList(),
        };
        // The blob goes in before the record that names it (an unreferenced blob is harmless).
        var xlsx = files.Keep(output => live.WriteXlsx(report, output,
            $"{options.OrganisationName}{period.Label}对账表（{report.AsOf:yyyy-MM-dd} 结账，答复期限 {answerDue:yyyy-MM-dd}）"));
        (record.XlsxSha256, record.XlsxLength) = (xlsx.Sha256, xlsx.Length);
        store.InTransaction(() =>
        {
            // Two closings at once: the unique key refuses the second insert.
            store.Reconciliations.Insert(record);
            audit.Record(actor.Name, "reconciliation.closed", Subject(record),
                $"{record.Rows.Count} 项任务，{record.Flagged} 项有问题标记，答复期限 {answerDue:yyyy-MM-dd}");
        });
        return record;
    }

    private static ClosedReconciliationRow Frozen(ReconciliationRow row) => new()
    {
        TaskId = row.Task.Id, TaskCode = row.Task.Code, TaskName = row.Task.Name,
        LeadDepartmentId = row.Task.LeadDepartmentId, LeadDepartment = row.LeadDepartment,
        SupervisingLeader = row.SupervisingLeader, Status = ChineseLabels.Of(row.Task.Status),
        Light = ChineseLabels.Of(row.Light), LastProgress = row.LastProgress, ProgressInPeriod = row.ProgressInPeriod,
        MilestonesDue = row.MilestonesDue.Select(m => m.ToString()).ToList(), EvidenceAdded = row.EvidenceAdded,
        Flags = row.Flags.Select(f => f.ToString()).ToList(),
    };

    /// <summary>Every closed reconciliation, newest period first.</summary>
    public IReadOnlyList<ClosedReconciliation> List() =>
        store.Reconciliations.FindAll().OrderByDescending(r => r.Period().To).ThenBy(r => r.Quarter is null).ToList();

    public ClosedReconciliation? Find(int id) => store.Reconciliations.FindById(id);

    /// <summary>The rows <paramref name="actor"/> sees: a department user its own department's only.</summary>
    public IReadOnlyList<ClosedReconciliationRow> RowsFor(ClosedReconciliation record, Actor actor) =>
        SeesAllRows(actor) ? record.Rows : record.Rows.Where(r => MayAnswer(actor, r)).ToList();

    public static bool SeesAllRows(Actor actor) => actor.Role != UserRole.DepartmentUser;

    /// <summary>Only the lead department's own users answer its rows.</summary>
    public static bool MayAnswer(Actor actor, ClosedReconciliationRow row) =>
        actor.DepartmentId is { } d && row.LeadDepartmentId == d;

    /// <summary>
    /// A department's answer to one row: <paramref name="confirm"/> 确认无误 (refused for a flagged row, which needs a
    /// 说明), else a 说明. One answer per row; after the deadline it is kept and marked 逾期.
    /// </summary>
    public ClosedReconciliationRow Answer(int id, int taskId, bool confirm, string? text, Actor actor)
    {
        var record = Find(id) ?? throw new DomainRuleException("该对账记录不存在。");
        var row = record.Rows.FirstOrDefault(r => r.TaskId == taskId) ?? throw new DomainRuleException("该对账记录中没有此任务。");
        if (!MayAnswer(actor, row))
            throw Access.Refuse(actor, audit, null, $"您只能答复本处室牵头的任务：{row.TaskCode} 由{row.LeadDepartment}牵头。");
        var explanation = (text ?? "").Trim();
        if (row.Answer is not null)
            throw new DomainRuleException(
                $"{row.TaskCode} 已于 {Local(row.AnsweredAt!.Value):yyyy-MM-dd HH:mm} 由 {row.AnsweredBy} 答复，不能再改。");
        if (confirm && row.Flags.Count > 0) throw new DomainRuleException($"{row.TaskCode} 有问题标记，请填写说明后提交。");
        if (!confirm && explanation.Length == 0) throw new DomainRuleException("请填写说明。");
        if (explanation.Length > MaxAnswerLength) throw new DomainRuleException($"说明不能超过{MaxAnswerLength}字。");
        store.InTransaction(() =>
        {
            var fresh = Find(id)!;
            var stored = fresh.Rows.First(r => r.TaskId == taskId);
            if (stored.Answer is not null) throw new DomainRuleException($"{row.TaskCode} 已答复，不能再改。");
            stored.Answer = confirm ? ReconciliationAnswerKind.Confirmed : ReconciliationAnswerKind.Explained;
            stored.AnswerText = explanation;
            stored.AnsweredAt = clock.GetUtcNow().UtcDateTime;
            stored.AnsweredBy = actor.Name;
            stored.AnsweredLate = tasks.Today > fresh.AnswerDue;
            store.Reconciliations.Update(fresh);
            audit.Record(actor.Name, confirm ? "reconciliation.confirmed" : "reconciliation.explained",
                $"{Subject(fresh)} {row.TaskCode}",
                (confirm ? "确认无误" : explanation) + (stored.AnsweredLate ? "（逾期）" : ""));
            row = stored;
        });
        return row;
    }

    /// <summary>The 对账表 as kept at closing, byte for byte.</summary>
    public byte[] Xlsx(ClosedReconciliation record) => files.Read(record.XlsxSha256);

    public static string FileName(ClosedReconciliation record) => $"{record.Period().Label}对账表.xlsx";

    private static string Subject(ClosedReconciliation record) => $"对账 {record.Period().Label}";

    private DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone);
}
