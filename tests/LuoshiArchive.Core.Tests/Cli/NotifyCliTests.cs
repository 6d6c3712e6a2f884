using System.Text.Json;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Tests.Notifications;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary><c>luoshi notify send-due</c> and <c>luoshi notify outbox</c> against a real SMTP server, with the web app
/// stopped.</summary>
public sealed class NotifyCliTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 6, 15));
    private readonly int _port = SmtpSink.FreePort();

    /// <summary>Runs the command with the relay set as an operator would, in the environment
    /// (Luoshi__Smtp__Host…).</summary>
    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new Dictionary<string, string>
        {
            ["Luoshi__Smtp__Host"] = "127.0.0.1",
            ["Luoshi__Smtp__Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Luoshi__PublicUrl"] = "https://luoshi.example.gov.cn",
        };
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_storage)], stdout, stderr,
            new StringReader(""), _clock, name => environment.GetValueOrDefault(name));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void ClerkWithAnOverdueMilestone()
    {
        using var store = TestDatabase.Open(_storage);
        var audit = TestAudit.For(store, _storage, _clock);
        var directory = new OrganisationDirectory(store, audit);
        var office = directory.SaveDepartment(new Department { Name = "办公室" });
        new TaskRegistry(store, directory, _clock, audit).Create(new TaskDraft
        {
            Code = "2018-007", Year = 2018, Name = "建立督办台账", LeadDepartmentId = office.Id,
            Status = KeyTaskStatus.InProgress,
            Milestones = [new Milestone { Due = new DateOnly(2018, 6, 10), Description = "形成初稿" }],
        }, Actor.Console());
        new AccountService(store, _clock, audit).Create("clerk", "李四", "Luoshi-2018!", UserRole.DepartmentUser, office.Id,
            email: "lisi@example.gov.cn");
    }

    [Fact]
    public async Task Send_due_mails_the_days_digest_and_a_down_relay_leaves_it_listed_in_the_outbox()
    {
        ClerkWithAnOverdueMilestone();

        var down = await Run("notify", "send-due");
        var listed = await Run("notify", "outbox", "--json");

        Assert.Equal(1, down.Exit);
        Assert.Contains("新增催办汇总 1 份", down.Err);
        Assert.Contains("仍在队列 1 封", down.Err);
        var messages = JsonDocument.Parse(listed.Out).RootElement.GetProperty("messages");
        var message = Assert.Single(messages.EnumerateArray());
        Assert.Equal(("lisi@example.gov.cn", "queued", "digest", 1), (message.GetProperty("to").GetString(),
            message.GetProperty("state").GetString(), message.GetProperty("kind").GetString(),
            message.GetProperty("attempts").GetInt32()));
        Assert.StartsWith("无法连接邮件服务器", message.GetProperty("lastError").GetString());

        using var sink = SmtpSink.Start(port: _port);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var sent = await Run("notify", "send-due");

        Assert.Equal(0, sent.Exit);
        Assert.Contains("新增催办汇总 0 份", sent.Err);
        Assert.Contains("发出邮件 1 封", sent.Err);
        var (recipients, mail) = Assert.Single(sink.Received());
        Assert.Equal("lisi@example.gov.cn", recipients);
        Assert.StartsWith("【落实档案】6月15日催办汇总", mail.Subject);
        Assert.Contains("https://luoshi.example.gov.cn/Tasks/2018-007", mail.TextBody);
        var after = JsonDocument.Parse((await Run("notify", "outbox", "--json")).Out);
        Assert.Empty(after.RootElement.GetProperty("messages").EnumerateArray());
    }

    public void Dispose()
    {
        TestDatabase.Drop(_storage);
        try { Directory.Delete(_storage, recursive: true); } catch (IOException) { }
    }
}
