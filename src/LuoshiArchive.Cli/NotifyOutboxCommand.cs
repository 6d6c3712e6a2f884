using LuoshiArchive.Core.Notifications;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi notify outbox [--json]</c>: the mail still queued and the mail given up, with the reason. JSON:
/// <c>{"messages":[{"id","to","subject","kind","state","attempts","nextAttempt","lastError","createdAt"}]}</c>
/// (state queued|failed; kind digest|supervisionorder|document; times in UTC, ISO 8601).
/// </summary>
public sealed class NotifyOutboxCommand : ICliCommand
{
    private const string Iso = "yyyy-MM-ddTHH:mm:ssZ";

    public string[] Words => ["notify", "outbox"];
    public string[] ValueOptions => [];
    public string[] Flags => ["json"];
    public string Usage => "luoshi notify outbox [--json]   列出待发和发送失败的通知邮件";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var pending = context.Get<MailOutbox>().Pending();
        if (line.Has("json"))
        {
            context.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                messages = pending.Select(m => new
                {
                    id = m.Id, to = m.To, subject = m.Subject, kind = m.Kind.ToString().ToLowerInvariant(),
                    state = m.State.ToString().ToLowerInvariant(), attempts = m.Attempts,
                    nextAttempt = m.State == OutboxState.Queued ? m.NextAttemptAt.ToString(Iso) : null,
                    lastError = m.LastError.Length > 0 ? m.LastError : null, createdAt = m.CreatedAt.ToString(Iso),
                }),
            }, TasksListCommand.Json));
            return Task.FromResult(LuoshiCli.Success);
        }
        foreach (var m in pending)
            context.Out.WriteLine(string.Join('\t', m.Id, m.State == OutboxState.Queued ? "待发" : "失败", m.To, m.Subject,
                $"已尝试{m.Attempts}次", m.LastError));
        var queued = pending.Count(m => m.State == OutboxState.Queued);
        context.Error.WriteLine($"待发 {queued} 封，失败 {pending.Count - queued} 封。");
        return Task.FromResult(LuoshiCli.Success);
    }
}
