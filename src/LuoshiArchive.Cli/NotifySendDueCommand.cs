using LuoshiArchive.Core.Notifications;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi notify send-due</c>: queues the day's 催办 digests and the notices of new 督办单 and documents, then sends
/// what the outbox holds through the configured relay (for a cron job while the web app is stopped). Exit 1 when mail
/// stays queued because the relay is missing, down or refusing (the message says which).
/// </summary>
public sealed class NotifySendDueCommand : ICliCommand
{
    public string[] Words => ["notify", "send-due"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi notify send-due   生成当天的催办汇总和督办单、公文通知，并发送待发邮件";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var notifier = context.Get<Notifier>();
        var today = notifier.Today;
        var digests = notifier.QueueDigests(today);
        var notices = notifier.QueueNewNotices();
        var report = await context.Get<MailOutbox>().SendDueAsync();
        context.Error.WriteLine($"{today:yyyy-MM-dd}：新增催办汇总 {digests} 份、督办单和公文通知 {notices} 条；" +
                                $"发出邮件 {report.Sent} 封，放弃 {report.Failed} 封，仍在队列 {report.StillQueued} 封。");
        if (report.StillQueued == 0 && report.Failed == 0) return LuoshiCli.Success;
        context.Error.WriteLine(report.Configured
            ? "有邮件未能发出，原因见 luoshi notify outbox；仍在队列的邮件会按间隔重试。"
            : "未配置邮件服务器（Luoshi:Smtp:Host），邮件保留在队列中；站内消息已生成。");
        return LuoshiCli.Failure;
    }
}
