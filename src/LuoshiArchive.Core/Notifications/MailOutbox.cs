using MailKit.Net.Smtp;

namespace LuoshiArchive.Core.Notifications;

/// <summary>
/// Sends what is queued in the outbox. A message is marked sent only after the relay accepted it; a relay that is
/// down or answers "try later" leaves it queued with the reason and a later time (1, 2, 4 … minutes, at most an hour
/// apart); a permanent refusal (5xx for the address or the message) or <see cref="MaxAttempts"/> failures mark it
/// failed.
/// Each message is claimed before it is sent (<see cref="NotificationStore.ClaimNext"/>), so several web nodes and the
/// CLI on one PostgreSQL send it once between them; a stopped sender gives its claim back, a dead one's claim expires.
/// </summary>
public sealed class MailOutbox(NotificationStore notices, SmtpRelay relay, TimeProvider clock)
{
    public const int MaxAttempts = 12;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public IReadOnlyList<OutboxMessage> Pending() => notices.Outbox(includeSent: false);

    public IReadOnlyList<OutboxMessage> All() => notices.Outbox(includeSent: true);

    /// <summary>
    /// How long a claim lasts: long enough for one message to go out (a few relay timeouts), short enough that a
    /// message a dead sender held is tried again soon.
    /// </summary>
    public TimeSpan ClaimFor => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks, relay.Timeout.Ticks * 4));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Sends every queued message whose time has come; one run at a time in this process.</summary>
    public async Task<DeliveryReport> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            var due = notices.Due(Now).Count;
            if (due == 0) return new DeliveryReport(0, 0, 0, relay.IsConfigured);
            if (!relay.IsConfigured) return new DeliveryReport(0, 0, due, Configured: false);
            return await SendAsync(cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task<DeliveryReport> SendAsync(CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0, retried = 0;
        SmtpSession? session = null;
        Exception? unreachable = null;
        try
        {
            session = await relay.ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            unreachable = e; // every due message gets this attempt recorded
        }
        await using (session)
        {
            while (unreachable is not null || session!.IsConnected)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (notices.ClaimNext(_holder, Now, Now + ClaimFor) is not { } message) break;
                var error = unreachable ?? await TrySendAsync(session!, message, cancellationToken);
                switch (Record(message, error))
                {
                    case OutboxState.Sent: sent++; break;
                    case OutboxState.Failed: failed++; break;
                    default: retried++; break;
                }
            }
        }
        // A dropped connection leaves the rest due for the next run.
        return new DeliveryReport(sent, failed, retried + notices.Due(Now).Count, Configured: true);
    }

    /// <summary>Null when the relay accepted the message, else what it failed with; a stop gives the claim back.
    /// </summary>
    private async Task<Exception?> TrySendAsync(SmtpSession session, OutboxMessage message,
        CancellationToken cancellationToken)
    {
        try
        {
            await session.SendAsync(message, cancellationToken);
            return null;
        }
        catch (OperationCanceledException)
        {
            notices.Release(message, _holder);
            throw;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private OutboxState Record(OutboxMessage message, Exception? error)
    {
        var now = Now;
        message.Attempts++;
        if (error is null)
        {
            message.State = OutboxState.Sent;
            message.SentAt = now;
            message.LastError = "";
        }
        else
        {
            message.LastError = Explain(error);
            var permanent = error is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 };
            if (permanent || message.Attempts >= MaxAttempts) message.State = OutboxState.Failed;
            else message.NextAttemptAt = now + Backoff(message.Attempts);
        }
        notices.Record(message);
        return message.State;
    }

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    private static string Explain(Exception error) => error switch
    {
        SmtpCommandException command => $"邮件服务器拒绝（{(int)command.StatusCode}）：{command.Message}",
        SmtpProtocolException protocol => $"与邮件服务器通信出错：{protocol.Message}",
        System.Net.Sockets.SocketException socket => $"无法连接邮件服务器：{socket.Message}",
        TimeoutException => "连接邮件服务器超时。",
        _ => $"发送失败：{error.Message}",
    };
}

/// <summary>One sending run: accepted by the relay, given up, still queued; whether a relay is configured.</summary>
public sealed record DeliveryReport(int Sent, int Failed, int StillQueued, bool Configured);
