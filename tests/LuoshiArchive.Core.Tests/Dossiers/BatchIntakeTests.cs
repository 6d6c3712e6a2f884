using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Dossiers;

/// <summary>
/// A batch (<see cref="DossierService.AddBatchAsync"/>) is stored in one transaction: each file gets its own outcome,
/// a bad file does not stop the others, the same content twice is stored once, and every stored file is audited and
/// found by search once the batch returns.
/// </summary>
public sealed class BatchIntakeTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 10));
    private readonly KeyTask _task;

    public BatchIntakeTests() =>
        _task = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "建立健全推进工作落实长效机制" }, Actor.Console("t"));

    private static IntakeFile Text(string name, string text) =>
        new(name, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

    private static IntakeFile Fixture(string name, string fixture) =>
        new(name, () => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)));

    [Fact]
    public async Task Each_file_of_a_batch_gets_its_own_outcome_and_a_bad_one_does_not_stop_the_rest()
    {
        var known = await _storage.Dossiers.AddAsync(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures",
            "notice.pdf")), "通知.pdf", [_task.Code], null, Actor.Console("张三"));
        var auditBefore = _storage.Audit.Find(action: "evidence.added").Count;

        var batch = await _storage.Dossiers.AddBatchAsync([
            Text("甲.txt", "甲区落实情况汇报\n河西区课后服务已覆盖全部小学。"),
            Fixture("加密.pdf", "notice-encrypted.pdf"),
            Text("空.txt", ""),
            Text("乙.txt", "乙区落实情况汇报\n南开区集团化办学试点启动。"),
            Text("乙副本.txt", "乙区落实情况汇报\n南开区集团化办学试点启动。"),
            Fixture("通知再传.pdf", "notice.pdf"),
            Fixture("通知.docx", "notice.docx"),
        ], [_task.Code], null, Actor.Console("张三"));

        Assert.Equal(["甲.txt", "加密.pdf", "空.txt", "乙.txt", "乙副本.txt", "通知再传.pdf", "通知.docx"],
            batch.Files.Select(f => f.FileName));
        Assert.Equal((3, 2, 2), (batch.Added, batch.Linked, batch.Failed));
        Assert.Contains("加密", batch.Files[1].Error!.Message);
        Assert.Contains("空文件", batch.Files[2].Error!.Message);
        Assert.Equal(batch.Files[3].Result!.Evidence.Id, batch.Files[4].Result!.Evidence.Id);
        Assert.True(batch.Files[4].Result!.AlreadyStored);
        Assert.Equal(known.Evidence.Id, batch.Files[5].Result!.Evidence.Id);

        // Stored once each, audited once each, searchable at once; nothing of the refused files.
        Assert.Equal(4, _storage.Dossiers.DossierOf(_task.Id).Count);
        Assert.Equal(auditBefore + 3, _storage.Audit.Find(action: "evidence.added").Count);
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("河西区课后服务")).Hits);
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("集团化办学")).Hits);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_storage.Path, "tmp")));
        Assert.Empty(_storage.Audit.Verify());
    }

    [Fact]
    public async Task A_batch_of_only_refused_files_stores_nothing()
    {
        var batch = await _storage.Dossiers.AddBatchAsync(
            [Fixture("加密.pdf", "notice-encrypted.pdf"), Text("空.txt", "")], [_task.Code], null, Actor.Console("张三"));

        Assert.Equal(2, batch.Failed);
        Assert.Empty(_storage.Dossiers.DossierOf(_task.Id));
        Assert.Empty(_storage.Audit.Find(action: "evidence.added"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_storage.Path, "blobs"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_text_longer_than_the_long_text_limit_is_stored_on_its_own_beside_the_batch()
    {
        var longText = "长篇汇编\n" + string.Concat(Enumerable.Repeat("全市教育系统持续推进工作落实长效机制建设。", 30_000));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(longText) > DossierService.LongTextLength);

        var batch = await _storage.Dossiers.AddBatchAsync(
            [Text("汇编.txt", longText), Text("短.txt", "短篇\n红桥区教师培训计划。")], [_task.Code], null, Actor.Console("张三"));

        Assert.Equal(2, batch.Added);
        Assert.Equal(longText.Length, _storage.Dossiers.TextOf(batch.Files[0].Result!.Evidence).Length);
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("长篇汇编")).Hits);
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("红桥区教师培训")).Hits);
    }

    public void Dispose() => _storage.Dispose();
}
