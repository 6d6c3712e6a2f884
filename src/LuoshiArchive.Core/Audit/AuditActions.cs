namespace LuoshiArchive.Core.Audit;

/// <summary>
/// The audit trail's action codes (stable, stored and exported as written) in the office's words, in the groups the
/// audit page offers as its filter. A group's <see cref="Group.Prefix"/> selects all of its actions.
/// </summary>
public static class AuditActions
{
    public sealed record Group(string Name, string Prefix, IReadOnlyList<Action> Actions);

    public sealed record Action(string Code, string Name);

    public static IReadOnlyList<Group> Groups { get; } =
    [
        new("任务", "task.", [
            new("task.created", "新建任务"), new("task.edited", "修改任务"), new("task.adjusted", "调整任务"),
            new("task.milestonedone", "完成时间节点"), new("task.milestonereopened", "重开时间节点"),
            new("task.imported", "导入任务"), new("task.carriedover", "年度结转"), new("progress.added", "报送进展")]),
        new("佐证材料", "evidence.", [
            new("evidence.added", "上传材料"), new("evidence.filed", "归入任务"), new("evidence.updated", "修改材料信息"),
            new("evidence.removed", "移出档案"), new("evidence.restored", "恢复材料")]),
        new("公文与发文字号", "document.", [
            new("document.drafted", "起草公文"), new("document.edited", "修改公文草稿"), new("document.submitted", "送核稿"),
            new("document.reviewed", "核稿"), new("document.signed", "签发公文"), new("document.stepsreset", "改稿后重新核稿"),
            new("document.issued", "印发公文"), new("number.refused", "拒绝取号（未签发）"),
            new("number.allocated", "取发文字号"), new("number.voided", "作废发文字号")]),
        new("会议", "meeting.", [
            new("meeting.added", "登记会议"), new("minutes.filed", "归档会议纪要"), new("decision.task", "议定事项转为任务")]),
        new("督办与自查", "supervision.", [
            new("supervision.issued", "下发督办单"), new("supervision.answered", "回复督办单"),
            new("supervision.withdrawn", "撤回督办单"),
            new("selfcheck.saved", "保存自查自评"), new("selfcheck.submitted", "提交自查自评"),
            new("selfcheck.returned", "退回自查自评表"), new("leaderreport.saved", "保存季度报告"),
            new("reconciliation.closed", "关闭对账"), new("reconciliation.confirmed", "确认对账"),
            new("reconciliation.explained", "说明对账问题")]),
        new("考核", "assessment.", [
            new("assessment.scheme", "修改考核办法"), new("assessment.rated", "考核评分"), new("assessment.adjusted", "调整得分"),
            new("assessment.accountability", "问责记录"), new("assessment.closed", "考核定稿"),
            new("assessment.reopened", "重新开放考核")]),
        new("向社会公布", "disclosure.", [
            new("disclosure.published", "标记向社会公布"), new("disclosure.reworded", "修改公开进展"),
            new("disclosure.unpublished", "取消向社会公布"), new("disclosure.settings", "修改公开目录设置")]),
        new("归档", "bundle.", [new("bundle.exported", "生成年度归档包"),
            new("bundle.uploaded", "上传归档包"), new("bundle.imported", "导入年度归档包"), new("archive.fonds-number", "设置全宗号")]),
        new("机构人员", "department.", [
            new("department.created", "新建处室"), new("department.changed", "修改处室"),
            new("person.created", "新建人员"), new("person.changed", "修改人员")]),
        new("账号与令牌", "account.", [
            new("account.created", "新建账号"), new("account.changed", "修改账号"), new("account.disabled", "停用账号"),
            new("account.enabled", "启用账号"), new("password.changed", "修改密码"), new("password.reset", "重置密码"),
            new("token.created", "新建接口令牌"), new("token.revoked", "吊销接口令牌")]),
        new("登录与权限", "sign", [
            new("signin.failed", "登录失败"), new("signin.locked", "锁定期间登录"), new("signout", "退出登录"),
            new("access.denied", "越权访问被拒绝")]),
    ];

    private static readonly Dictionary<string, string> Names =
        Groups.SelectMany(g => g.Actions).ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);

    /// <summary>The Chinese name of an action code; an unknown code is shown as stored.</summary>
    public static string NameOf(string code) => Names.GetValueOrDefault(code, code);

    /// <summary>
    /// Whether an entry's action is selected by the filter value: a code, a prefix, or a group (its prefix and its codes
    /// that do not share it, e.g. 报送进展 in 任务).
    /// </summary>
    public static bool Matches(string action, string filter)
    {
        if (action == filter) return true;
        var group = Groups.FirstOrDefault(g => g.Prefix == filter);
        return action.StartsWith(filter, StringComparison.Ordinal) || group is not null && group.Actions.Any(a => a.Code == action);
    }
}
