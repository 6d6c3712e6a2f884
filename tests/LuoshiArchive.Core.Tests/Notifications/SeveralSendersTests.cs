using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Core.Tests.Notifications;

/// <summary>
/// Several processes on one store (web nodes on PostgreSQL, or a node and the CLI): every notice is queued once and
/// every message is sent once between them, and a message a dead sender held goes out once its claim expires.
/// </summary>
public sealed class SeveralSendersTests : IDisposable
{
    private readonly int _port = SmtpSink.FreePort();
    private readonly NotificationFixture _app;

    public SeveralSendersTests()
    {
        _app = new NotificationFixture(_port);
        var accounts = _app.Get<AccountService>();
        var office = _app.Clerk.DepartmentId;
        for (var i = 1; i <= 7; i++)
            accounts.Create($"clerk{i}", $"办事员{i}", "Luoshi-2018!", UserRole.DepartmentUser, office,
                email: $"clerk{i}@bgs.example.gov.cn");
    }

    [Fact]
    public async Task Two_nodes_queueing_and_sending_at_once_deliver_each_message_once()
    {
        using var sink = SmtpSink.Start(port: _port);
        var other = _app.OtherNode();
        _app.IssueOrder();

        var today = _app.Clock.GetToday();
        var (mine, theirs) = (_app.Get<Notifier>(), other.GetRequiredService<Notifier>());
        var queued = await Task.WhenAll(
            Task.Run(() => mine.QueueNewNotices() + mine.QueueDigests(today)),
            Task.Run(() => theirs.QueueNewNotices() + theirs.QueueDigests(today)));
        var reports = await Task.WhenAll(_app.Get<MailOutbox>().SendDueAsync(),
            other.GetRequiredService<MailOutbox>().SendDueAsync());

        // 9 accounts (8 with an address) × (督办单 notice + digest): queued once between the two nodes.
        Assert.Equal(18, queued.Sum());
        Assert.Equal(16, reports.Sum(r => r.Sent));
        var received = sink.Received();
        Assert.Equal(16, received.Count);
        Assert.Equal(16, received.Select(r => (r.Recipients, r.Message.Subject)).Distinct().Count());
        Assert.All(_app.Get<MailOutbox>().All(), m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal(2, _app.Get<InAppMessages>().Of("colleague").Count);
    }

    [Fact]
    public async Task A_message_a_dead_sender_held_waits_for_its_claim_to_expire_and_then_goes_out_once()
    {
        using var sink = SmtpSink.Start(port: _port);
        _app.IssueOrder();
        _app.Get<Notifier>().QueueNewNotices();
        var outbox = _app.Get<MailOutbox>();
        var notices = _app.Get<NotificationStore>();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var held = notices.ClaimNext("dead-node", now, now + outbox.ClaimFor);
        Assert.NotNull(held);

        var whileHeld = await outbox.SendDueAsync();
        _app.Clock.Advance(outbox.ClaimFor);
        var afterExpiry = await outbox.SendDueAsync();

        Assert.Equal(7, whileHeld.Sent); // every other clerk's notice
        Assert.Equal(1, afterExpiry.Sent);
        Assert.Single(sink.Received(), r => r.Recipients == held!.To);
        Assert.Equal(8, sink.Received().Count);
        Assert.Equal(new DeliveryReport(0, 0, 0, true), await outbox.SendDueAsync());
    }

    public void Dispose() => _app.Dispose();
}
