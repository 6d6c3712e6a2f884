using LuoshiArchive.Core.Notifications;
using MimeKit;

namespace LuoshiArchive.Core.Tests.Notifications;

/// <summary>
/// Notices through a real SMTP server on loopback: what the clerk receives (subjects, recipients, links), that nothing
/// is sent twice, and that a relay that is down, refusing, or stopped mid-send delays a message and never loses it.
/// </summary>
public sealed class OutboxTests : IDisposable
{
    private readonly int _port = SmtpSink.FreePort();
    private readonly NotificationFixture _app;
    private readonly List<SmtpSink> _sinks = [];

    public OutboxTests() => _app = new NotificationFixture(_port);

    private SmtpSink Sink(string mode = "accept")
    {
        var sink = SmtpSink.Start(mode, _port, _sinks.FirstOrDefault()?.Folder);
        _sinks.Add(sink);
        return sink;
    }

    private Notifier Notifier => _app.Get<Notifier>();
    private MailOutbox Outbox => _app.Get<MailOutbox>();

    [Fact]
    public async Task A_clerk_with_an_address_receives_the_days_digest_with_links_to_the_tasks_once()
    {
        var sink = Sink();

        // the clerk's by mail, the colleague's in the app
        Assert.Equal(2, Notifier.QueueDigests(new DateOnly(2018, 6, 15)));
        var report = await Outbox.SendDueAsync();

        Assert.Equal(new DeliveryReport(1, 0, 0, true), report);
        var (recipients, mail) = Assert.Single(sink.Received());
        Assert.Equal(NotificationFixture.ClerkEmail, recipients);
        Assert.Equal("【落实档案】6月15日催办汇总：已逾期 1 项，7天内到期 1 项", mail.Subject);
        Assert.Equal("luoshi@example.gov.cn", ((MailboxAddress)mail.From.Single()).Address);
        Assert.Contains("2018-007 建立督办台账：形成初稿（2018-06-10，已逾期5天）", mail.TextBody);
        Assert.Contains("http://luoshi.test/Tasks/2018-007", mail.TextBody);
        Assert.Contains("<a href=\"http://luoshi.test/Tasks/2018-007\">", mail.HtmlBody);
        Assert.Contains("<h3>已逾期</h3>", mail.HtmlBody);

        // The colleague without an address gets it in the app only; a second run the same day queues and sends nothing.
        Assert.Single(_app.Get<InAppMessages>().Of("colleague"));
        Assert.Equal(0, Notifier.QueueDigests(new DateOnly(2018, 6, 15)));
        Assert.Equal(new DeliveryReport(0, 0, 0, true), await Outbox.SendDueAsync());
        Assert.Single(sink.Received());
    }

    [Fact]
    public async Task A_supervision_order_is_mailed_at_once_to_its_departments_clerk()
    {
        var sink = Sink();
        var order = _app.IssueOrder();

        Assert.Equal(2, Notifier.QueueNewNotices()); // the clerk and the colleague (in the app)
        await Outbox.SendDueAsync();

        var (recipients, mail) = Assert.Single(sink.Received());
        Assert.Equal(NotificationFixture.ClerkEmail, recipients);
        Assert.Equal($"【督办单】{order.Number}：建立督办台账", mail.Subject);
        Assert.Contains("督办事项：报送督办台账建设进展", mail.TextBody);
        Assert.Contains("办理时限：2018年6月25日", mail.TextBody);
        Assert.Contains($"http://luoshi.test/Supervision/{order.Id}", mail.TextBody);
        Assert.Contains($"<a href=\"http://luoshi.test/Supervision/{order.Id}\">", mail.HtmlBody);
        Assert.Equal(0, Notifier.QueueNewNotices());
        Assert.Equal(1, _app.Get<InAppMessages>().Unread("colleague"));
    }

    [Fact]
    public async Task A_relay_down_then_refusing_keeps_the_message_queued_with_the_reason_and_it_goes_out_once_later()
    {
        _app.IssueOrder();
        Notifier.QueueNewNotices();

        var down = await Outbox.SendDueAsync();
        var queued = Assert.Single(Outbox.Pending());
        Assert.Equal((0, 1), (down.Sent, down.StillQueued));
        Assert.Equal((OutboxState.Queued, 1), (queued.State, queued.Attempts));
        Assert.StartsWith("无法连接邮件服务器", queued.LastError);
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime + MailOutbox.Backoff(1),
            queued.NextAttemptAt.ToUniversalTime());

        var refusing = Sink("refuse");
        Assert.Equal(new DeliveryReport(0, 0, 0, true), await Outbox.SendDueAsync()); // not due before its backoff
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Outbox.SendDueAsync();
        queued = Assert.Single(Outbox.Pending());
        Assert.Equal((OutboxState.Queued, 2), (queued.State, queued.Attempts));
        Assert.Contains("451", queued.LastError);
        refusing.Stop();

        var sink = Sink();
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await Outbox.SendDueAsync()).Sent);
        _app.Clock.Advance(TimeSpan.FromHours(2));
        await Outbox.SendDueAsync();

        Assert.Single(sink.Received());
        Assert.Empty(Outbox.Pending());
        Assert.Equal(OutboxState.Sent, Outbox.All().Single().State);
    }

    [Fact]
    public async Task A_send_stopped_midway_leaves_the_message_queued_and_the_next_run_delivers_it_once()
    {
        _app.IssueOrder();
        Notifier.QueueNewNotices();
        var hanging = Sink("hang");

        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Outbox.SendDueAsync(stop.Token));
        hanging.Stop();
        Assert.Equal(OutboxState.Queued, Assert.Single(Outbox.Pending()).State);
        Assert.Empty(hanging.Received());

        var sink = Sink();
        await Outbox.SendDueAsync();
        await Outbox.SendDueAsync();

        Assert.Single(sink.Received());
        Assert.Equal(OutboxState.Sent, Outbox.All().Single().State);
    }

    [Fact]
    public async Task A_recipient_the_relay_refuses_for_good_is_marked_failed_with_the_reason()
    {
        Sink();
        _app.Get<Core.Accounts.AccountService>().SetNotifications("clerk", "nobody@refused.invalid", true, true,
            Core.Accounts.Actor.Console());
        _app.IssueOrder();
        Notifier.QueueNewNotices();
        var refusedFile = Path.Combine(_sinks[0].Folder, "refuse-rcpt");
        await File.WriteAllTextAsync(refusedFile, "nobody@refused.invalid");

        var report = await Outbox.SendDueAsync();

        var failed = Assert.Single(Outbox.Pending());
        Assert.Equal((0, 1), (report.Sent, report.Failed));
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Contains("550", failed.LastError);
    }

    public void Dispose()
    {
        foreach (var sink in _sinks) sink.Dispose();
        _app.Dispose();
    }
}
