using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Notifications;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Core.Tests.Notifications;

/// <summary>
/// A real store wired by AddLuoshiCore with the relay at a loopback port, on 2018-06-15: 办公室 with a clerk who has an
/// e-mail address, a colleague without one, and a task with one overdue milestone and one due in two days.
/// </summary>
public sealed class NotificationFixture : IDisposable
{
    public const string TaskCode = "2018-007";
    public const string ClerkEmail = "lisi@bgs.example.gov.cn";

    private readonly ServiceProvider _services;
    private readonly LuoshiOptions _options;
    private readonly List<ServiceProvider> _otherNodes = [];

    public NotificationFixture(int smtpPort)
    {
        StoragePath = Path.Combine(Path.GetTempPath(), "luoshi-notify-" + Guid.NewGuid().ToString("N"));
        var options = _options = new LuoshiOptions
        {
            StoragePath = StoragePath, PublicUrl = "http://luoshi.test",
            Smtp = new SmtpOptions
            {
                Host = "127.0.0.1", Port = smtpPort, From = "落实档案 <luoshi@example.gov.cn>",
                Timeout = TimeSpan.FromSeconds(10),
            },
        };
        _services = new ServiceCollection().AddLuoshiCore(options).AddLuoshiStore(_ => TestDatabase.Open(StoragePath))
            .AddSingleton<TimeProvider>(Clock).BuildServiceProvider();
        var office = Get<OrganisationDirectory>().SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        Get<TaskRegistry>().Create(new TaskDraft
        {
            Code = TaskCode, Year = 2018, Name = "建立督办台账", LeadDepartmentId = office.Id,
            Status = KeyTaskStatus.InProgress,
            Deadline = new DateOnly(2018, 12, 31),
            Milestones =
            [
                new Milestone { Due = new DateOnly(2018, 6, 10), Description = "形成初稿" },
                new Milestone { Due = new DateOnly(2018, 6, 17), Description = "征求意见" },
            ],
        }, Actor.Console());
        var accounts = Get<AccountService>();
        Clerk = accounts.Create("clerk", "李四", "Luoshi-2018!", UserRole.DepartmentUser, office.Id, email: ClerkEmail);
        Colleague = accounts.Create("colleague", "王五", "Luoshi-2018!", UserRole.DepartmentUser, office.Id);
    }

    public TestClock Clock { get; } = new(new DateOnly(2018, 6, 15));
    public string StoragePath { get; }
    public UserAccount Clerk { get; }
    public UserAccount Colleague { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public SupervisionOrder IssueOrder(string what = "报送督办台账建设进展") =>
        Get<SupervisionService>().Issue(
            new SupervisionOrderDraft { TaskCode = TaskCode, What = what, Due = new DateOnly(2018, 6, 25) },
            Actor.Console("督查室"));

    /// <summary>
    /// Another process on the same store, as a second web node is: on PostgreSQL a store of its own on the same
    /// database; on the embedded engine (one process per file) the same store, with services and a mail sender of its
    /// own.
    /// </summary>
    public IServiceProvider OtherNode()
    {
        var options = new LuoshiOptions
        {
            StoragePath = StoragePath, PublicUrl = _options.PublicUrl, Smtp = _options.Smtp,
            IndexPath = Path.Combine(StoragePath, "index-node-" + (_otherNodes.Count + 2)), // each node its own index
        };
        var services = new ServiceCollection().AddLuoshiCore(options);
        if (TestDatabase.OnPostgres) services.AddLuoshiStore(_ => TestDatabase.Open(StoragePath));
        else services.AddLuoshiStore(_ => Get<ILuoshiStore>()).AddSingleton(Get<ILuoshiStore>()); // not disposed by it
        var node = services.AddSingleton<TimeProvider>(Clock).BuildServiceProvider();
        _otherNodes.Add(node);
        return node;
    }

    public void Dispose()
    {
        foreach (var node in _otherNodes) node.Dispose();
        _services.Dispose();
        TestDatabase.Drop(StoragePath);
        try { Directory.Delete(StoragePath, recursive: true); } catch (IOException) { }
    }
}
