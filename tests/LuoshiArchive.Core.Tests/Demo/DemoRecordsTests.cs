using LuoshiArchive.Cli;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Core.Tests.Demo;

/// <summary>
/// <c>luoshi init --demo</c> shows every kind of record, made through the app's own services: evidence in the
/// dossiers (documents it generated, a scan), progress, a meeting with its minutes, self-checks of past months, a
/// leader's quarterly report, an issued notice, commendation and criticism (with its 督办单), last month's closed
/// reconciliation and a task disclosed to the public.
/// </summary>
public sealed class DemoRecordsTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-demo-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 11, 20));

    public void Dispose()
    {
        if (Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
    }

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_storage)], stdout, stderr,
            new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_demo_fills_the_dossiers_and_every_register_so_search_and_each_page_show_something()
    {
        var init = await Run("init", "--demo");

        Assert.True(init.Exit == 0, init.Err);
        Assert.Contains("已生成：", init.Err);
        var search = await Run("search", "推进情况报告");
        Assert.Contains("工作推进情况报告", search.Out);
        using var store = TestDatabase.Open(_storage);
        var evidence = store.Evidence.FindAll().ToList();
        Assert.True(evidence.Count >= 12, $"{evidence.Count} 件材料");
        Assert.Contains(evidence, e => e.OriginalFileName.EndsWith("（扫描件）.pdf", StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.Kind == Core.Dossiers.EvidenceKind.Minutes);
        Assert.True(store.Progress.Count() >= 8);
        Assert.NotNull(Assert.Single(store.Meetings.FindAll()).MinutesEvidenceId);
        var selfChecks = store.SelfChecks.FindAll().ToList();
        Assert.Equal([9, 10], selfChecks.Select(s => s.Month).Distinct().Order());
        Assert.All(selfChecks, s => Assert.NotNull(s.SubmittedAt));
        Assert.Single(store.LeaderReports.FindAll());
        var issued = store.Documents.FindAll().Where(d => d.IsIssued).ToList();
        Assert.Equal([DocumentGenre.Notice, DocumentGenre.Commendation, DocumentGenre.Criticism],
            issued.Select(d => OfficialDocumentService.Spec(d).Genre));
        // Issued as a person would issue it: the template's placeholders are filled in.
        Assert.All(issued, d => Assert.DoesNotContain("……", OfficialDocumentService.Spec(d).Title));
        Assert.DoesNotContain(OfficialDocumentService.Spec(issued[0]).Paragraphs, p => p.Text.Contains("……"));
        var criticism = issued.Single(d => OfficialDocumentService.Spec(d).Genre == DocumentGenre.Criticism);
        Assert.NotEmpty(criticism.SupervisionOrderIds);
        Assert.All(store.SupervisionOrders.FindAll(), o => Assert.Equal(SupervisionOrderState.Open,
            o.StateOn(new DateOnly(2018, 11, 20))));
        Assert.Equal("2018-10", Assert.Single(store.Reconciliations.FindAll()).Period().ToString());
        var published = Assert.Single(store.PublicTasks.FindAll());
        Assert.Contains("课后服务", store.Tasks.FindById(published.TaskId)!.Name);
    }
}
