using LuoshiArchive.Cli;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Storage.LiteDb;
using LuoshiArchive.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Core.Tests.Storage;

/// <summary>
/// The PostgreSQL engine where it differs from the embedded one: several processes on one database at once, and
/// <c>luoshi migrate</c>. Always on a real PostgreSQL (the test server of <see cref="TestDatabase"/>).
/// </summary>
public sealed class PostgresEngineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-pg-").FullName;
    private readonly string _database = TestDatabase.NewDatabase();
    private readonly TestClock _clock = new(new DateOnly(2018, 6, 1));

    private string Storage => Path.Combine(_root, "storage");

    /// <summary>A node's audit trail, keyed with the key file every node shares.</summary>
    private AuditLog Audit(ILuoshiStore node) => TestAudit.For(node, Storage, _clock);

    private async Task<(int Exit, string Out, string Err)> Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, "--storage", Storage], stdout, stderr, new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Two_nodes_issuing_numbers_at_once_get_unique_numbers_without_gaps_and_an_unbroken_audit_chain()
    {
        using var nodeA = PgStore.Open(_database, Storage);
        using var nodeB = PgStore.Open(_database, Storage);
        var registers = new[]
        {
            new DocumentNumberRegister(nodeA, _clock, Audit(nodeA)),
            new DocumentNumberRegister(nodeB, _clock, Audit(nodeB)),
        };

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => registers[i % 2].Next("津教委", 2018, null, Actor.Console("node" + (i % 2))));

        var sequences = nodeA.DocumentNumbers.FindAll().Select(n => n.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 40), sequences);
        Assert.Empty(Audit(nodeB).Verify());
        Assert.Equal(Enumerable.Range(1, 40), nodeB.Audit.FindAll().Select(e => e.Id));
    }

    [Fact]
    public async Task Two_nodes_recording_inside_their_transactions_at_once_seal_one_chain_without_gaps()
    {
        using var nodeA = PgStore.Open(_database, Storage);
        using var nodeB = PgStore.Open(_database, Storage);
        var logs = new[] { Audit(nodeA), Audit(nodeB) };
        var stores = new ILuoshiStore[] { nodeA, nodeB };

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 15; i++)
            {
                try
                {
                    stores[w % 2].InTransaction(() =>
                    {
                        logs[w % 2].Record($"节点{w % 2}", "progress.added", $"任务 {i}", $"写入者 {w} ");
                        if (i % 5 == 4) throw new DomainRuleException("回滚：此条记录不应留下");
                    });
                }
                catch (DomainRuleException) { }
                logs[w % 2].Record($"节点{w % 2}", "signin.failed", "登录", "密码错误");
            }
        })));

        Assert.Empty(logs[0].Verify());
        Assert.Equal(Enumerable.Range(1, 4 * (15 + 12)), nodeB.Audit.FindAll().Select(e => e.Id));
    }

    [Fact]
    public void A_transaction_recording_first_and_one_recording_last_over_the_same_task_both_commit()
    {
        using var nodeA = PgStore.Open(_database, Storage);
        using var nodeB = PgStore.Open(_database, Storage);
        var audit = Audit(nodeA);
        var registry = new TaskRegistry(nodeA, new Organisation.OrganisationDirectory(nodeA, audit), _clock, audit);
        var code = registry.Create(new TaskDraft { Year = 2018, Name = "甲" }, Actor.Console()).Code;
        using var bothInside = new Barrier(2);

        // One records, then changes the task; the other changes it, then records. Had recording taken the chain's
        // lock until commit, each would wait for the other (PostgreSQL: "deadlock detected").
        void Change(ILuoshiStore node, bool recordFirst) => node.InTransaction(() =>
        {
            var log = Audit(node);
            if (recordFirst) log.Record("甲", "task.changed", code);
            else Rename(node, code);
            bothInside.SignalAndWait();
            if (recordFirst) Rename(node, code);
            else log.Record("乙", "task.changed", code);
        });

        Parallel.Invoke(() => Change(nodeA, true), () => Change(nodeB, false));

        Assert.Empty(Audit(nodeA).Verify());
        Assert.Equal(3, nodeA.Audit.Count());
    }

    private static void Rename(ILuoshiStore node, string code)
    {
        var task = node.Tasks.FindOne(t => t.Code == code)!;
        task.Name += "乙";
        node.Tasks.Update(task);
    }

    [Fact]
    public void A_record_written_by_one_node_is_read_by_the_other_and_simple_queries_agree_with_filtering_in_memory()
    {
        using var nodeA = PgStore.Open(_database, Storage);
        using var nodeB = PgStore.Open(_database, Storage);
        var audit = Audit(nodeA);
        var registry = new TaskRegistry(nodeA, new Organisation.OrganisationDirectory(nodeA, audit), _clock, audit);
        registry.Create(new TaskDraft { Year = 2018, Name = "甲" }, Actor.Console());
        registry.Create(new TaskDraft { Year = 2019, Name = "乙" }, Actor.Console());

        var code = nodeA.Tasks.FindAll().First().Code;
        Assert.Equal("甲", nodeB.Tasks.FindOne(t => t.Code == code)!.Name);
        Assert.Equal(["乙"], nodeB.Tasks.Find(t => t.Year == 2019 && t.Code != code).Select(t => t.Name));
        // Not translatable (a method call): filtered in memory, the same answer.
        Assert.Equal(["乙"], nodeB.Tasks.Find(t => t.Name.StartsWith('乙')).Select(t => t.Name));
        // Partly translatable: the year in SQL, the rest in memory.
        Assert.Equal(["乙"], nodeB.Tasks.Find(t => t.Year == 2019 && t.Name.StartsWith('乙')).Select(t => t.Name));
        Assert.Empty(nodeB.Tasks.Find(t => t.Year == 2018 && t.Name.StartsWith('乙')));
        Assert.Equal(["甲"], nodeB.Tasks.Find(t => t.Name.EndsWith('甲') && t.Code == code).Select(t => t.Name));
        Assert.Empty(nodeB.Tasks.Find(t => t.Code == null!));
    }

    [Fact]
    public void A_lease_is_held_by_one_node_until_released_or_expired()
    {
        using var nodeA = PgStore.Open(_database, Storage);
        using var nodeB = PgStore.Open(_database, Storage);

        Assert.True(nodeA.TryTake("bundle-export:2018", "job-a", TimeSpan.FromMinutes(5)));
        Assert.False(nodeB.TryTake("bundle-export:2018", "job-b", TimeSpan.FromMinutes(5)));
        Assert.True(nodeA.TryTake("bundle-export:2018", "job-a", TimeSpan.FromMinutes(5))); // the holder extends it
        nodeA.Release("bundle-export:2018", "job-a");
        Assert.True(nodeB.TryTake("bundle-export:2018", "job-b", TimeSpan.FromMilliseconds(1)));
        Thread.Sleep(50);
        Assert.True(nodeA.TryTake("bundle-export:2018", "job-a", TimeSpan.FromMinutes(5))); // B's lease expired
    }

    [Fact]
    public async Task Migrate_copies_the_embedded_store_into_an_empty_database_and_refuses_a_second_time()
    {
        Assert.Equal(0, (await Cli("init", "--demo", "--tasks-only")).Exit);
        var inbox = Directory.CreateDirectory(Path.Combine(_root, "inbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbox, "会议纪要.txt"), "关于一事一档的会议纪要：落实重点任务。");
        Assert.Equal(0, (await Cli("ingest", inbox, "--task", "2018-001")).Exit);
        int tasks, evidence, audit;
        using (var embedded = LiteDbStore.Open(Storage, "test"))
            (tasks, evidence, audit) = (embedded.Tasks.Count(), embedded.Evidence.Count(), embedded.Audit.Count());

        var (exit, stdout, stderr) = await Cli("migrate", "--to", _database);

        Assert.True(exit == 0, stderr);
        Assert.Contains("迁移完成", stderr);
        Assert.Contains($"Tasks\t{tasks}\t{tasks}", stdout);
        using (var shared = PgStore.Open(_database, Storage))
        {
            Assert.Equal((tasks, evidence, audit), (shared.Tasks.Count(), shared.Evidence.Count(), shared.Audit.Count()));
            Assert.Empty(Audit(shared).Verify());
        }
        // Everything now runs on the database: a search through the CLI finds the ingested minutes.
        var search = await Cli("search", "会议纪要", "--database", _database);
        Assert.Equal(0, search.Exit);
        Assert.Contains("会议纪要", search.Out);

        var again = await Cli("migrate", "--to", _database);
        Assert.Equal(1, again.Exit);
        Assert.Contains("不是空的", again.Err);
        using var unchanged = PgStore.Open(_database, Storage);
        Assert.Equal(tasks, unchanged.Tasks.Count());
    }

    [Fact]
    public async Task The_cli_beside_a_running_node_indexes_in_a_folder_of_its_own_and_both_find_its_files()
    {
        Assert.Equal(0, (await Cli("init", "--demo", "--tasks-only", "--database", _database)).Exit);
        // A web node on the same storage folder holds the default index folder, storage/index.
        var options = new LuoshiOptions { StoragePath = Storage, Database = _database };
        var services = new ServiceCollection();
        services.AddLuoshiCore(options).AddPostgresStore(options);
        await using var node = services.BuildServiceProvider();
        var nodeIndex = node.GetRequiredService<EvidenceIndex>();
        Assert.Equal(Path.Combine(Storage, "index"), nodeIndex.Folder);
        var minutes = Path.Combine(_root, "会议纪要.txt");
        await File.WriteAllTextAsync(minutes, "关于一事一档的会议纪要：两个进程同时运行。");

        var ingest = await Cli("ingest", minutes, "--task", "2018-001", "--database", _database);
        var search = await Cli("search", "两个进程", "--database", _database);

        Assert.True(ingest.Exit == 0, ingest.Err);
        Assert.True(search.Exit == 0, search.Err);
        Assert.Contains("会议纪要", search.Out);
        Assert.True(Directory.Exists(Path.Combine(Storage, "index-2")));
        // The follower reads a change once every transaction older than it has ended on the server; other tests run
        // transactions beside this one, so it may take a few rounds, as it does on a busy server.
        var follower = node.GetRequiredService<IndexFollower>();
        var dossiers = node.GetRequiredService<DossierService>();
        var until = DateTime.UtcNow.AddSeconds(60);
        follower.CatchUp();
        while (dossiers.Search(new SearchQuery("两个进程")).Hits.Count == 0 && DateTime.UtcNow < until)
        {
            Thread.Sleep(100);
            follower.CatchUp();
        }
        Assert.Single(dossiers.Search(new SearchQuery("两个进程")).Hits);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Username=luoshi;Database=luoshi", "无法打开数据库 PostgreSQL 127.0.0.1:1/luoshi")]
    [InlineData("不是连接串", "数据库连接串无法识别")]
    public async Task A_database_that_cannot_be_reached_or_read_is_named_in_chinese_without_a_stack_trace(
        string connection, string expected)
    {
        var (exit, stdout, stderr) = await Cli("search", "落实", "--database", connection);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith(expected, stderr);
        Assert.DoesNotContain("Exception", stderr);
    }

    [Fact]
    public async Task Migrate_reports_a_blob_whose_bytes_no_longer_match_its_checksum()
    {
        Assert.Equal(0, (await Cli("init", "--demo", "--tasks-only")).Exit);
        var inbox = Directory.CreateDirectory(Path.Combine(_root, "inbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbox, "通知.txt"), "关于印发重点任务清单的通知");
        Assert.Equal(0, (await Cli("ingest", inbox, "--task", "2018-001")).Exit);
        var blob = Directory.GetFiles(Path.Combine(Storage, "blobs"), "*", SearchOption.AllDirectories)
            .Single(f => Path.GetFileName(f).Length == 64);
        await File.AppendAllTextAsync(blob, "改动");

        var (exit, _, stderr) = await Cli("migrate", "--to", _database);

        Assert.Equal(1, exit);
        Assert.Contains("通知.txt", stderr);
        Assert.Contains("SHA-256 不一致", stderr);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
