namespace LuoshiArchive.Core.Accounts;

/// <summary>
/// The role × permission rules, enforced by the Core services themselves (pages only hide what these refuse):
/// 办公室管理员 everything; 督查督办 all tasks, supervision, documents and bundles; 处室 their own department's tasks,
/// evidence and self-checks (reading the rest only where <see cref="Tasks.ReadAccess"/>, which reads
/// <see cref="LuoshiOptions.DepartmentUsersReadAll"/>, says so: here they fail closed); 委领导 read all,
/// adjust under their decisions, rate results, write their quarterly report; 督查组 read-only with downloads.
/// </summary>
public static class Access
{
    /// <summary>May <paramref name="actor"/> do <paramref name="permission"/>, on <paramref name="task"/> where one is concerned?</summary>
    public static bool Allows(Actor actor, Permission permission, ITaskScope? task) =>
        actor.Role switch
        {
            UserRole.Admin => true,
            UserRole.OfficeSupervisor => permission is not (Permission.Administer or Permission.RestoreEvidence or Permission.ImportArchive
                or Permission.SignDocuments),
            UserRole.Leader => permission is Permission.ReadTask or Permission.AdjustTask or Permission.RateResults or Permission.ReadAudit
                or Permission.WriteLeaderReport or Permission.CancelTask or Permission.RecordInstruction
                or Permission.SignDocuments,
            UserRole.Inspector => permission is Permission.ReadTask,
            UserRole.DepartmentUser => permission switch
            {
                Permission.ReadTask => task is null || Concerns(actor, task),
                Permission.EditTask => task is not null && Leads(actor, task),
                Permission.FileEvidence => task is not null && Concerns(actor, task),
                _ => false,
            },
            _ => false,
        };

    /// <summary>May <paramref name="actor"/> do <paramref name="permission"/>, where no one task is concerned?</summary>
    public static bool Allows(Actor actor, Permission permission) => Allows(actor, permission, task: null);

    /// <summary>Throws <see cref="AccessDeniedException"/> (and records the refusal in the audit trail) unless allowed.</summary>
    public static void Demand(Actor actor, Permission permission, Audit.AuditLog audit, ITaskScope? task = null)
    {
        if (Allows(actor, permission, task)) return;
        var subject = task is null ? "" : $"任务 {task.Code}";
        audit.Record(actor.Name, "access.denied", subject, $"{ChineseLabels.Of(actor.Role)}无权{Describe(permission)}");
        throw new AccessDeniedException(task is null
            ? $"您的角色（{ChineseLabels.Of(actor.Role)}）无权{Describe(permission)}。"
            : $"您的角色（{ChineseLabels.Of(actor.Role)}）无权{Describe(permission)}：任务“{task.Code}”不属于本处室。");
    }

    /// <summary>Records the refusal with its reason in the audit trail and throws <see cref="AccessDeniedException"/>.</summary>
    public static AccessDeniedException Refuse(Actor actor, Audit.AuditLog audit, ITaskScope? task, string reason)
    {
        audit.Record(actor.Name, "access.denied", task is null ? "" : $"任务 {task.Code}", reason);
        throw new AccessDeniedException(reason);
    }

    /// <summary>Like the other Demand, with the reason the user is given when refused.</summary>
    public static void Demand(Actor actor, Permission permission, Audit.AuditLog audit, ITaskScope task, string reason)
    {
        if (!Allows(actor, permission, task)) Refuse(actor, audit, task, reason);
    }

    private static bool Leads(Actor actor, ITaskScope task) =>
        actor.DepartmentId is { } d && task.LeadDepartmentId == d;

    private static bool Concerns(Actor actor, ITaskScope task) =>
        actor.DepartmentId is { } d && (task.LeadDepartmentId == d || task.CooperatingDepartmentIds.Contains(d));

    public static string Describe(Permission permission) => permission switch
    {
        Permission.ReadTask => "查看该任务",
        Permission.CreateTasks => "新建或导入任务",
        Permission.EditTask => "修改该任务",
        Permission.AdjustTask => "调整任务",
        Permission.FileEvidence => "管理该任务的佐证材料",
        Permission.RestoreEvidence => "恢复已删除的材料",
        Permission.ManageMeetings => "管理会议和纪要",
        Permission.IssueDocuments => "起草和印发公文",
        Permission.Supervise => "督查督办",
        Permission.RateResults => "评定完成效果",
        Permission.ExportArchive => "导出归档包",
        Permission.ImportArchive => "导入归档包",
        Permission.Administer => "管理机构、账号和设置",
        Permission.ReadAudit => "查看审计记录",
        Permission.WriteLeaderReport => "编写季度报告",
        Permission.CancelTask => "撤销、暂缓或恢复任务（须有委领导的研究决定，由办公室或委领导登记）",
        Permission.ReopenTask => "重新打开已办结的任务（由办公室办理）",
        Permission.RecordInstruction => "记录批示",
        Permission.SignDocuments => "签发公文（由委领导以本人账号签发）",
        Permission.PublishProgress => "向社会公布任务进展（由办公室办理）",
        _ => permission.ToString(),
    };
}
