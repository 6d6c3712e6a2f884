using System.Globalization;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;
using static System.Net.WebUtility;

namespace LuoshiArchive.Core.Notifications;

/// <summary>
/// Writes the notices in Chinese: the daily 催办 digest, a 督办单 to a department, an issued document concerning it.
/// Links are absolute, from <see cref="LuoshiOptions.PublicUrl"/>, so they work from a mail client.
/// </summary>
public sealed class NoticeComposer(LuoshiOptions options)
{
    /// <summary>The last line of every mail; the 站内消息 leaves it out.</summary>
    public const string Footer = "此邮件由落实档案系统自动发送。如需调整，请在“我的账户”中修改通知设置。";

    private string Url(string path) => options.PublicUrl.TrimEnd('/') + path;

    public static string TaskPath(string code) => "/Tasks/" + Uri.EscapeDataString(code);

    public ComposedNotice Digest(UserAccount account, string department, DateOnly day,
        IReadOnlyList<Reminder> reminders)
    {
        var overdue = reminders.Count(r => r.IsOverdue);
        var subject = $"【落实档案】{day.Month}月{day.Day}日催办汇总：已逾期 {overdue} 项，7天内到期 {reminders.Count - overdue} 项";
        var whose = department.Length > 0 ? $"您（{department}）" : "您";
        var intro = $"截至{ChineseDates.Format(day)}，{whose}有以下事项需要办理：";
        var text = new StringBuilder($"{account.DisplayName}，您好：\n\n{intro}\n");
        var html = new StringBuilder($"<p>{HtmlEncode(account.DisplayName)}，您好：</p><p>{HtmlEncode(intro)}</p>");
        foreach (var group in reminders.GroupBy(r => r.Step).OrderBy(g => g.Key))
        {
            var heading = group.Key switch { 0 => "已逾期", 3 => "3天内到期", _ => "7天内到期" };
            text.Append(CultureInfo.InvariantCulture, $"\n【{heading}】\n");
            html.Append(CultureInfo.InvariantCulture, $"<h3>{heading}</h3><ul>");
            foreach (var r in group)
            {
                var line = $"{r.TaskCode} {r.TaskName}：{Describe(r)}（{r.Due:yyyy-MM-dd}，{r.Urgency}）";
                text.Append(CultureInfo.InvariantCulture, $"· {line}\n  {Url(r.Path)}\n");
                var link = HtmlEncode(Url(r.Path));
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{link}\">{HtmlEncode(line)}</a></li>");
            }
            html.Append("</ul>");
        }
        const string close = "请登录落实档案系统填报进展、上传佐证材料。";
        text.Append(CultureInfo.InvariantCulture, $"\n{close}\n\n{Footer}\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{close}</p><p style=\"color:#555\">{Footer}</p>");
        return new ComposedNotice($"digest:{day:yyyy-MM-dd}:user:{account.Id}", NoticeKind.Digest, subject,
            text.ToString(), Wrap(subject, html), "/");
    }

    public ComposedNotice Order(UserAccount account, SupervisionOrder order, string department, string taskName)
    {
        var subject = $"【督办单】{order.Number}：{taskName}";
        var lines = new (string Label, string Value)[]
        {
            ("督办事项", order.What), ("任务", $"{order.TaskCode} {taskName}"),
            ("办理时限", ChineseDates.Format(order.Due)), ("回复方式", order.HowToReply),
            ("督办单", Url($"/Supervision/{order.Id}")), ("任务页面", Url(TaskPath(order.TaskCode))),
        };
        var opening = $"{department}：\n\n{order.IssuedBy}于{ChineseDates.Format(order.IssuedOn)}" +
                      $"向你处室发出督办单 {order.Number}，请按时办理并回复。";
        return Compose($"order:{order.Id}:user:{account.Id}", NoticeKind.SupervisionOrder, subject, opening, lines,
            $"/Supervision/{order.Id}");
    }

    public ComposedNotice Document(UserAccount account, OfficialDocument document, string department,
        IReadOnlyList<KeyTask> tasks)
    {
        var subject = $"【公文】{(document.Number.Length > 0 ? document.Number + " " : "")}{document.Title}";
        var lines = tasks.Select(t => ("涉及任务", $"{t.Code} {t.Name}  {Url(TaskPath(t.Code))}"))
            .Append(("公文", Url($"/Documents/{document.Id}"))).ToArray();
        var number = document.Number.Length > 0 ? $"（{document.Number}）" : "";
        var opening = $"{department}：\n\n《{document.Title}》{number}已印发，涉及你处室的任务，请阅知并抓好落实。";
        return Compose($"document:{document.Id}:user:{account.Id}", NoticeKind.Document, subject, opening, lines,
            $"/Documents/{document.Id}");
    }

    private static string Describe(Reminder r) => r.Kind == ReminderKind.Deadline ? "完成时限" : r.What;

    private static ComposedNotice Compose(string key, NoticeKind kind, string subject, string opening,
        (string Label, string Value)[] lines, string link)
    {
        var text = new StringBuilder(opening).Append("\n\n");
        var html = new StringBuilder(string.Concat(opening.Split("\n\n").Select(p => $"<p>{HtmlEncode(p)}</p>")))
            .Append("<dl>");
        foreach (var (label, value) in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{label}：{value}\n");
            html.Append(CultureInfo.InvariantCulture, $"<dt>{HtmlEncode(label)}</dt><dd>{Linked(value)}</dd>");
        }
        text.Append(CultureInfo.InvariantCulture, $"\n{Footer}\n");
        html.Append(CultureInfo.InvariantCulture, $"</dl><p style=\"color:#555\">{Footer}</p>");
        return new ComposedNotice(key, kind, subject, text.ToString(), Wrap(subject, html), link);
    }

    /// <summary>A value that holds a URL gets it as a link; the rest is encoded text.</summary>
    private static string Linked(string value)
    {
        var at = value.IndexOf("http", StringComparison.Ordinal);
        if (at < 0) return HtmlEncode(value);
        var url = value[at..].Trim();
        return HtmlEncode(value[..at]) + $"<a href=\"{HtmlEncode(url)}\">{HtmlEncode(url)}</a>";
    }

    private static string Wrap(string subject, StringBuilder body) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">" +
        $"<title>{HtmlEncode(subject)}</title></head>" +
        $"<body style=\"font-family:sans-serif;line-height:1.6\">{body}</body></html>";
}
