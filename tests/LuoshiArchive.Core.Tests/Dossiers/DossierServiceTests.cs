using LuoshiArchive.Core.Accounts;
using System.Text;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Tests.Dossiers;

public class DossierServiceTests
{
    private const string NoticeText = "天津市教育委员会\n市教委关于开展作风纪律专项整治的通知\n津教委〔2018〕12号\n" +
                                      "机关各处室：\n为推进工作落实长效机制，现就有关事项通知如下。\n2018年3月5日\n";

    private static (TempStorage Storage, KeyTask First, KeyTask Second) Setup()
    {
        var storage = new TempStorage(new DateOnly(2018, 3, 10));
        var first = storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "开展作风纪律专项整治" }, Actor.Console("t"));
        var second = storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "建立健全推进工作落实长效机制" }, Actor.Console("t"));
        return (storage, first, second);
    }

    private static MemoryStream Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(text));
    }

    [Fact]
    public async Task Added_text_is_stored_byte_for_byte_with_proposed_metadata_and_is_searchable()
    {
        var (storage, first, _) = Setup();
        using var _s = storage;
        var bytes = Gb18030(NoticeText).ToArray();

        var result = await storage.Dossiers.AddAsync(new MemoryStream(bytes), "通知.txt", [first.Code],
            new EvidenceDetails { Kind = EvidenceKind.OutgoingDocument }, Actor.Console("张三"));

        var evidence = result.Evidence;
        Assert.False(result.AlreadyStored);
        Assert.Equal("津教委〔2018〕12号", evidence.Number);
        Assert.Equal(new DateOnly(2018, 3, 5), evidence.Date);
        Assert.Equal("市教委关于开展作风纪律专项整治的通知", evidence.Title);
        using (var original = storage.Dossiers.OpenOriginal(evidence))
        using (var copy = new MemoryStream())
        {
            original.CopyTo(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        var hit = Assert.Single(storage.Dossiers.Search(new SearchQuery("长效机制")).Hits);
        Assert.Equal(evidence.Id, hit.EvidenceId);
        Assert.Equal([first.Code], hit.TaskCodes);
    }

    [Fact]
    public async Task The_same_file_added_to_a_second_task_is_linked_not_stored_twice()
    {
        var (storage, first, second) = Setup();
        using var _s = storage;
        var bytes = Gb18030(NoticeText).ToArray();

        var one = await storage.Dossiers.AddAsync(new MemoryStream(bytes), "a.txt", [first.Code], null, Actor.Console("t"));
        var two = await storage.Dossiers.AddAsync(new MemoryStream(bytes), "copy-of-a.txt", [second.Code], null, Actor.Console("t"));

        Assert.True(two.AlreadyStored);
        Assert.Equal(one.Evidence.Id, two.Evidence.Id);
        Assert.Equal(1, storage.Store.Evidence.Count());
        Assert.Single(storage.Dossiers.DossierOf(first.Id));
        Assert.Single(storage.Dossiers.DossierOf(second.Id));
        var blobFiles = Directory.GetFiles(Path.Combine(storage.Path, "blobs"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal));
        Assert.Single(blobFiles);
        var hit = Assert.Single(storage.Dossiers.Search(new SearchQuery("作风纪律")).Hits);
        Assert.Equal([first.Code, second.Code], hit.TaskCodes.Order());
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_a_message_and_leaves_the_store_as_it_was()
    {
        var (storage, first, _) = Setup();
        using var _s = storage;
        var fakePdf = new MemoryStream("not a pdf at all, just text pretending"u8.ToArray());
        var truncatedDocx = new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);

        await Assert.ThrowsAsync<ExtractionException>(() => storage.Dossiers.AddAsync(truncatedDocx, "坏文件.docx", [first.Code], null, Actor.Console("t")));
        var empty = await Assert.ThrowsAsync<ExtractionException>(() => storage.Dossiers.AddAsync(new MemoryStream(), "空.txt", [first.Code], null, Actor.Console("t")));
        Assert.Contains("空文件", empty.Message);
        await Assert.ThrowsAsync<ExtractionException>(() => storage.Dossiers.AddAsync(fakePdf, "假.pdf", [first.Code], null, Actor.Console("t")));

        Assert.Equal(0, storage.Store.Evidence.Count());
        Assert.Empty(Directory.GetFiles(Path.Combine(storage.Path, "blobs"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(storage.Path, "tmp")));
    }

    [Fact]
    public async Task Evidence_for_an_unknown_task_is_refused_before_anything_is_written()
    {
        var (storage, _, _) = Setup();
        using var _s = storage;
        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            storage.Dossiers.AddAsync(Gb18030(NoticeText), "a.txt", ["2018-999"], null, Actor.Console("t")));
        Assert.Contains("2018-999", error.Message);
        Assert.Equal(0, storage.Store.Evidence.Count());
    }

    [Fact]
    public async Task A_deleted_index_is_rebuilt_from_the_store_with_the_same_results()
    {
        var (storage, first, second) = Setup();
        using var _s = storage;
        await storage.Dossiers.AddAsync(Gb18030(NoticeText), "a.txt", [first.Code], null, Actor.Console("t"));
        await storage.Dossiers.AddAsync(Gb18030("关于建立佐证材料档案的报告\n一事一档，分类归档。\n2018年4月1日"), "b.txt", [second.Code], null, Actor.Console("t"));
        var before = storage.Dossiers.Search(new SearchQuery("档案 落实")).Hits.Select(h => h.EvidenceId).ToList();

        storage.Close();
        Directory.Delete(Path.Combine(storage.Path, "index"), recursive: true);
        storage.Reopen();
        Assert.Empty(storage.Dossiers.Search(new SearchQuery("档案")).Hits);
        Assert.Equal(2, storage.Dossiers.BringIndexUpToDate());

        Assert.Equal(before, storage.Dossiers.Search(new SearchQuery("档案 落实")).Hits.Select(h => h.EvidenceId).ToList());
    }

    [Fact]
    public async Task Corrected_metadata_and_an_extra_filing_are_searchable_at_once()
    {
        var (storage, first, second) = Setup();
        using var _s = storage;
        var added = await storage.Dossiers.AddAsync(Gb18030(NoticeText), "a.txt", [first.Code], null, Actor.Console("t"));

        storage.Dossiers.UpdateDetails(added.Evidence.Id, new EvidenceDetails
        {
            Title = "作风纪律专项整治通知（更正）", Number = "津教委[2018]13号", Kind = EvidenceKind.Policy,
        }, Actor.Console("李四"));
        storage.Dossiers.FileInto(added.Evidence.Id, second.Code, Actor.Console("李四"));

        var stored = storage.Dossiers.Find(added.Evidence.Id)!;
        Assert.Equal("津教委〔2018〕13号", stored.Number);
        Assert.Equal(EvidenceKind.Policy, stored.Kind);
        var hit = Assert.Single(storage.Dossiers.Search(new SearchQuery("津教委〔2018〕13号")).Hits);
        Assert.Equal("作风纪律专项整治通知（更正）", hit.Title);
        Assert.Equal([first.Code, second.Code], hit.TaskCodes.Order());
        Assert.Throws<DomainRuleException>(() => storage.Dossiers.UpdateDetails(added.Evidence.Id, new EvidenceDetails { Title = " " }, Actor.Console("t")));
    }
}
