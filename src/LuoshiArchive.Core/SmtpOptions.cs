namespace LuoshiArchive.Core;

/// <summary>
/// The mail relay notices go through (<c>Luoshi:Smtp:…</c>). No host: notices stay in the app and the outbox.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The relay's host name, e.g. mail.example.gov.cn; empty: mail is not sent (kept queued).</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    /// <summary>TLS: implicit on port 465, STARTTLS otherwise. Off: plain SMTP (a relay on the host or LAN).</summary>
    public bool UseTls { get; set; }
    /// <summary>Sign-in name at the relay; empty: no authentication.</summary>
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>The sender, e.g. "落实档案 &lt;luoshi@example.gov.cn&gt;".</summary>
    public string From { get; set; } = "落实档案 <luoshi@localhost>";
    /// <summary>How long one connection, command or message may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
