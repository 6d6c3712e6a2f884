using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Dossiers;

/// <summary>
/// The mark the search index keeps of where the store stood (issue 24): a start on an unchanged store has nothing to
/// catch up with, and a change the store saved but a crash kept out of the index is indexed at the next start — a
/// corrected title or an extra filing too, which comparing ids alone never saw.
/// </summary>
public sealed class IndexMarkTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 10));
    private readonly KeyTask _first, _second;
    private readonly Actor _clerk = Actor.Console("t");

    public IndexMarkTests()
    {
        _first = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "开展作风纪律专项整治" }, _clerk);
        _second = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "建立健全推进工作落实长效机制" }, _clerk);
    }

    private async Task<Evidence> Add(string text, string name, KeyTask task) =>
        (await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, [task.Code], null,
            _clerk)).Evidence;

    private IReadOnlyList<int> Found(string words, string? task = null) =>
        _storage.Dossiers.Search(new SearchQuery(words) { TaskCode = task }).Hits.Select(h => h.EvidenceId).ToList();

    /// <summary>
    /// Catches up as the next start does, and returns how many pieces of evidence that touched. On PostgreSQL the mark
    /// is the oldest transaction still running on the server, and other tests run transactions beside this one: a
    /// change is read once every transaction older than it has ended, so catch up again (as the follower does) until
    /// <paramref name="caughtUp"/> holds; a change read then was never missed, only later.
    /// </summary>
    private int CatchUpUntil(Func<bool> caughtUp)
    {
        var touched = _storage.Dossiers.BringIndexUpToDate();
        if (!_storage.Store.IsShared) return touched;
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!caughtUp() && DateTime.UtcNow < until)
        {
            Thread.Sleep(100);
            touched += _storage.Dossiers.BringIndexUpToDate();
        }
        return touched;
    }

    /// <summary>Exactly <paramref name="expected"/> on the embedded store; at least that on PostgreSQL (above).</summary>
    private void AssertTouched(int expected, int touched)
    {
        if (_storage.Store.IsShared) Assert.InRange(touched, expected, int.MaxValue);
        else Assert.Equal(expected, touched);
    }

    [Fact]
    public async Task A_restart_on_an_unchanged_store_finds_nothing_to_catch_up_with()
    {
        await Add("关于开展作风纪律专项整治的通知", "通知.txt", _first);
        await Add("关于建立佐证材料档案的报告", "报告.txt", _second);
        _storage.Dossiers.BringIndexUpToDate(); // as a start does: the index now records where the store stands
        _storage.Reopen();

        var first = _storage.Dossiers.BringIndexUpToDate();
        var second = _storage.Dossiers.BringIndexUpToDate();
        if (_storage.Store.IsShared)
        {
            // PostgreSQL: the mark is a transaction snapshot, so rows written while another transaction on the server
            // was open (other tests run beside this one) are read again, harmlessly; none is ever missed.
            Assert.InRange(first, 0, 2);
            Assert.InRange(second, 0, 2);
        }
        else
        {
            Assert.Equal(0, first);
            Assert.Equal(0, second);
        }
        Assert.Equal(2, Found("通知 报告").Count);
    }

    [Fact]
    public async Task Changes_saved_but_not_indexed_before_a_crash_are_searchable_after_the_next_start()
    {
        var notice = await Add("关于开展作风纪律专项整治的通知", "通知.txt", _first);
        var report = await Add("关于建立佐证材料档案的报告", "报告.txt", _second);
        _storage.Dossiers.BringIndexUpToDate();

        // The store saves a corrected title and an extra filing; the process dies before the index sees them.
        var saved = _storage.Store.Evidence.FindById(notice.Id)!;
        saved.Title = "市教委关于作风纪律整治的补充通知";
        saved.Links.Add(new EvidenceLink { TaskId = _second.Id, LinkedAt = DateTime.UtcNow, LinkedBy = "t" });
        saved.Revision = _storage.Indexing.NextRevision();
        _storage.Store.Evidence.Update(saved);
        // Another change in the same run is indexed and committed: its commit must not record the store as reflected.
        _storage.Dossiers.UpdateDetails(report.Id, new EvidenceDetails { Title = "佐证材料档案建设情况报告" }, _clerk);
        Assert.DoesNotContain(notice.Id, Found("补充通知"));
        _storage.Reopen();

        // Both changes after the recorded mark are applied again (the indexed one harmlessly).
        var touched = CatchUpUntil(() => Found("补充通知").Contains(notice.Id));
        AssertTouched(2, touched);

        Assert.Contains(notice.Id, Found("补充通知"));
        Assert.Contains(notice.Id, Found("通知", _second.Code));
        Assert.Contains(report.Id, Found("建设情况"));
        if (!_storage.Store.IsShared) Assert.Equal(0, _storage.Dossiers.BringIndexUpToDate());
    }

    [Fact]
    public async Task A_removal_saved_but_not_indexed_before_a_crash_leaves_search_at_the_next_start()
    {
        var notice = await Add("关于开展作风纪律专项整治的通知", "通知.txt", _first);
        _storage.Dossiers.BringIndexUpToDate();

        var saved = _storage.Store.Evidence.FindById(notice.Id)!;
        saved.Removal = new EvidenceRemoval { At = DateTime.UtcNow, By = "t", Reason = "重复上传" };
        saved.Revision = _storage.Indexing.NextRevision();
        _storage.Store.Evidence.Update(saved);
        _storage.Reopen();

        AssertTouched(1, CatchUpUntil(() => Found("通知").Count == 0));
        Assert.Empty(Found("通知"));
    }

    public void Dispose() => _storage.Dispose();
}
