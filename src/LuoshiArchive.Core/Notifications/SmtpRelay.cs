using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LuoshiArchive.Core.Notifications;

/// <summary>The mail engine: SMTP sessions with the configured relay (MailKit).</summary>
public sealed class SmtpRelay(LuoshiOptions options)
{
    public bool IsConfigured => options.Smtp.Host.Trim().Length > 0;

    /// <summary>How long one connection, command or message may take.</summary>
    public TimeSpan Timeout => options.Smtp.Timeout;

    /// <summary>Connects (and signs in, when a user is set); throws what the connection failed with.</summary>
    public async Task<SmtpSession> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = !smtp.UseTls ? SecureSocketOptions.None
                : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host.Trim(), smtp.Port, security, cancellationToken);
            if (smtp.User.Length > 0) await client.AuthenticateAsync(smtp.User, smtp.Password, cancellationToken);
            return new SmtpSession(client, smtp.From);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The MIME message: text and HTML alternatives in UTF-8. Its Message-ID is made from the outbox id, so if a
    /// message is sent again (the app stopped after the relay took it and before that was recorded) the copy can be
    /// recognised.
    /// </summary>
    public static MimeMessage Build(OutboxMessage message, string from)
    {
        var sender = MailboxAddress.Parse(from);
        var mime = new MimeMessage
        {
            Subject = message.Subject, MessageId = $"luoshi-outbox-{message.Id}@{sender.Domain}",
        };
        mime.From.Add(sender);
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }
}

/// <summary>One open SMTP session: messages go out one by one; disposing says goodbye to the relay.</summary>
public sealed class SmtpSession(SmtpClient client, string from) : IAsyncDisposable
{
    /// <summary>False once the relay dropped the connection: later messages wait for the next run.</summary>
    public bool IsConnected => client.IsConnected;

    /// <summary>Returns when the relay accepted the message; throws what it answered otherwise.</summary>
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        client.SendAsync(SmtpRelay.Build(message, from), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException
                                  or System.Net.Sockets.SocketException or TimeoutException)
        {
            // the messages are recorded already; a failed goodbye changes nothing
        }
        finally
        {
            client.Dispose();
        }
    }
}
