using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Tests.Text;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Tests.Dossiers;

/// <summary>Real files of every accepted format go in and are found; every kind of bad file is refused with the store untouched.</summary>
public sealed class IntakeOfEveryFormatTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 1));
    private readonly KeyTask _task;

    public IntakeOfEveryFormatTests() =>
        _task = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "建立健全推进工作落实长效机制" }, Actor.Console("t"));

    private Task<IntakeResult> Add(string name, byte[] bytes) =>
        _storage.Dossiers.AddAsync(new MemoryStream(bytes), name, [_task.Code], null, Actor.Console("t"));

    [Theory]
    [InlineData("notice.txt")]
    [InlineData("notice-gb18030.txt")]
    [InlineData("notice-utf16le-bom.txt")]
    [InlineData("notice.docx")]
    [InlineData("notice.pdf")]
    public async Task Each_readable_format_is_stored_with_metadata_and_found_by_its_number(string fixture)
    {
        var result = await Add(fixture, File.ReadAllBytes(Fixture.Path(fixture)));

        Assert.Equal("津教委〔2018〕1号", result.Evidence.Number);
        Assert.Equal(new DateOnly(2018, 2, 8), result.Evidence.Date);
        Assert.False(result.Evidence.NoTextRead);
        var hit = Assert.Single(_storage.Dossiers.Search(new SearchQuery("津教委[2018]1号")).Hits);
        Assert.Equal(result.Evidence.Id, hit.EvidenceId);
    }

    [Fact]
    public async Task Generated_xlsx_and_html_are_stored_and_searchable()
    {
        using var sheet = new MemoryStream();
        Spreadsheets.SheetWriter.Write(sheet, "台账", ["任务", "进展"], [["课后服务全覆盖", "河西区已完成"]]);
        await Add("台账.xlsx", sheet.ToArray());
        await Add("通知.html", "<html><body><h1>关于校外培训治理的通知</h1><p>南开区开展联合执法。</p></body></html>"u8.ToArray());

        Assert.Single(_storage.Dossiers.Search(new SearchQuery("河西区已完成")).Hits);
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("联合执法")).Hits);
    }

    [Fact]
    public async Task A_scan_without_ocr_is_stored_flagged_never_silently_empty()
    {
        var result = await Add("扫描件.pdf", File.ReadAllBytes(Fixture.Path("notice-scanned.pdf")));

        Assert.True(result.Evidence.NoTextRead);
        Assert.Contains("OCR", result.Evidence.ExtractionNote);
        Assert.Equal(2, result.Evidence.PageCount);
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("扫描件")).Hits); // still found by its title
    }

    public static TheoryData<string, string, ExtractionProblem> BadFiles => new()
    {
        { "加密.pdf", "notice-encrypted.pdf", ExtractionProblem.Encrypted },
        { "伪装.pdf", "notice.docx", ExtractionProblem.WrongExtension },
        { "程序.exe", "notice.pdf", ExtractionProblem.Unsupported },
        { "截断.docx", "truncated-docx", ExtractionProblem.Corrupt },
        { "截断.pdf", "truncated-pdf", ExtractionProblem.Corrupt },
        { "炸弹.docx", "zip-bomb", ExtractionProblem.ZipBomb },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_its_reason_and_the_store_is_unchanged(string name, string source, ExtractionProblem problem)
    {
        var bytes = source switch
        {
            "truncated-docx" => File.ReadAllBytes(Fixture.Path("notice.docx"))[..4000],
            "truncated-pdf" => File.ReadAllBytes(Fixture.Path("notice.pdf"))[..3000],
            "zip-bomb" => MadeFiles.ZipBombDocx(),
            _ => File.ReadAllBytes(Fixture.Path(source)),
        };

        var error = await Assert.ThrowsAsync<ExtractionException>(() => Add(name, bytes));

        Assert.Equal(problem, error.Problem);
        Assert.Contains(name, error.Message);
        AssertStoreEmpty();
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_while_it_is_still_arriving()
    {
        var options = new LuoshiOptions { StoragePath = _storage.Path, MaxUploadBytes = 1024 };
        var blobs = new Core.Storage.BlobStore(_storage.Path);
        using var extractor = new IsolatedTextExtractor(new ExtractionLimits(), ConverterPaths.None);
        var small = new DossierService(_storage.Store, blobs, _storage.Index, extractor, _storage.Tasks,
            new EvidenceIndexing(_storage.Store, blobs, _storage.Index, _storage.Directory), _storage.Clock, options,
            _storage.Reading, _storage.Audit);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            small.AddAsync(new MemoryStream(new byte[4096]), "大文件.txt", [_task.Code], null, Actor.Console("t")));

        Assert.Contains("文件过大（上限 1 KB）", error.Message);
        AssertStoreEmpty();
    }

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Users\\张三\\桌面\\纪要.txt", "纪要.txt")]
    public async Task A_hostile_or_full_client_path_keeps_only_the_file_name(string clientName, string stored)
    {
        var result = await Add(clientName, "会议纪要正文"u8.ToArray());
        Assert.Equal(stored, result.Evidence.OriginalFileName);
    }

    private void AssertStoreEmpty()
    {
        Assert.Equal(0, _storage.Store.Evidence.Count());
        Assert.Empty(Directory.GetFiles(Path.Combine(_storage.Path, "blobs"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(_storage.Path, "tmp")));
        Assert.Equal(0, _storage.Dossiers.Search(new SearchQuery("") { Year = 2018 }).Total);
    }

    public void Dispose() => _storage.Dispose();
}
