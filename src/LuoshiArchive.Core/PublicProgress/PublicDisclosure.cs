using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.PublicProgress;

/// <summary>
/// 向社会公布: the office marks a task as 重大事项 for public disclosure with the progress worded for the public, words
/// it again, or takes it off; and keeps the disclosure metadata. Every change is audited. Only the office
/// (<see cref="Permission.PublishProgress"/>) does this: departments and leaders report inside, the office speaks
/// outside.
/// </summary>
public sealed class PublicDisclosure(IDisclosureStore store, TimeProvider clock, Audit.AuditLog audit)
{
    public const int MaxWordingLength = 2000;
    public const int MaxSettingLength = 60;

    /// <summary>The task's disclosure record (public or taken off), or null when it was never published.</summary>
    public PublicTask? Of(int taskId) => store.PublicTasks.FindOne(p => p.TaskId == taskId);

    /// <summary>
    /// Marks the task public with <paramref name="wording"/> as its public progress, or replaces the wording of a task
    /// already public. Refused, with nothing stored: an unknown code, empty or overlong wording, no right to.
    /// </summary>
    public PublicTask Publish(string code, string wording, Actor actor)
    {
        Access.Demand(actor, Permission.PublishProgress, audit);
        var task = FindTask(code);
        var text = (wording ?? "").Trim();
        if (text.Length == 0) throw new DomainRuleException("请填写向社会公布的进展情况（公开进展不能为空）。未做修改。");
        if (text.Length > MaxWordingLength)
            throw new DomainRuleException($"公开进展不能超过{MaxWordingLength}字（现有{text.Length}字）。未做修改。");
        return store.InTransaction(() =>
        {
            store.LockForWrite("disclosure");
            var record = Of(task.Id);
            var action = record is { IsPublic: true } ? "disclosure.reworded" : "disclosure.published";
            if (record is null)
            {
                var year = task.Year;
                var highest = store.PublicTasks.Find(p => p.IndexYear == year).Select(p => p.IndexSequence)
                    .DefaultIfEmpty(0).Max();
                record = new PublicTask { TaskId = task.Id, IndexYear = year, IndexSequence = highest + 1 };
            }
            record.IsPublic = true;
            record.Wording = text;
            record.WordedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            Stamp(record, actor);
            if (record.Id == 0) store.PublicTasks.Insert(record);
            else store.PublicTasks.Update(record);
            audit.Record(actor.Name, action, $"任务 {task.Code}", $"公开进展：{text}");
            return record;
        });
    }

    /// <summary>
    /// Takes the task off the public page and feeds; its record and 索引号 are kept for a later publication.
    /// </summary>
    public PublicTask Unpublish(string code, Actor actor)
    {
        Access.Demand(actor, Permission.PublishProgress, audit);
        var task = FindTask(code);
        return store.InTransaction(() =>
        {
            var record = Of(task.Id) is { IsPublic: true } found ? found
                : throw new DomainRuleException($"任务“{task.Code}”未向社会公布，无需取消。");
            record.IsPublic = false;
            Stamp(record, actor);
            store.PublicTasks.Update(record);
            audit.Record(actor.Name, "disclosure.unpublished", $"任务 {task.Code}", "取消向社会公布");
            return record;
        });
    }

    /// <summary>The disclosure metadata as saved, or the defaults.</summary>
    public DisclosureSettings Settings() => store.DisclosureSettings.FindById(1) ?? new DisclosureSettings();

    /// <summary>Saves the 索引号 prefix, 主题分类 and 公开属性; each is checked, and nothing is saved if one is wrong.</summary>
    public DisclosureSettings SaveSettings(string indexPrefix, string theme, string attribute, Actor actor)
    {
        Access.Demand(actor, Permission.PublishProgress, audit);
        var saved = new DisclosureSettings
        {
            IndexPrefix = (indexPrefix ?? "").Trim(), Theme = (theme ?? "").Trim(),
            Attribute = (attribute ?? "").Trim(),
        };
        var problems = new List<string>();
        if (saved.IndexPrefix.Length > 30 || saved.IndexPrefix.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
            problems.Add("索引号前缀只能由字母、数字和“-”组成（不超过30位），如 000125225");
        if (saved.Theme.Length == 0) problems.Add("请填写主题分类");
        else if (saved.Theme.Length > MaxSettingLength) problems.Add($"主题分类不能超过{MaxSettingLength}字");
        if (saved.Attribute.Length == 0) problems.Add("请填写公开属性");
        else if (saved.Attribute.Length > MaxSettingLength) problems.Add($"公开属性不能超过{MaxSettingLength}字");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。未做修改。");
        var before = Settings();
        saved.ChangedAt = clock.GetUtcNow().UtcDateTime;
        saved.ChangedBy = actor.Name;
        store.InTransaction(() =>
        {
            store.DisclosureSettings.Upsert(saved);
            audit.Record(actor.Name, "disclosure.settings", "公开目录设置",
                $"索引号前缀 {Shown(before.IndexPrefix)} → {Shown(saved.IndexPrefix)}；主题分类 {before.Theme} → {saved.Theme}；" +
                $"公开属性 {before.Attribute} → {saved.Attribute}");
        });
        return saved;
    }

    private static string Shown(string prefix) => prefix.Length == 0 ? "（无）" : prefix;

    private KeyTask FindTask(string code)
    {
        var trimmed = (code ?? "").Trim();
        return store.Tasks.FindOne(t => t.Code == trimmed) ?? throw new DomainRuleException($"任务“{trimmed}”不存在。");
    }

    private void Stamp(PublicTask record, Actor actor)
    {
        record.ChangedAt = clock.GetUtcNow().UtcDateTime;
        record.ChangedBy = actor.Name;
    }
}
