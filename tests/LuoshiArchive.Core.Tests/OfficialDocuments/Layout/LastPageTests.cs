using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Text;
using static LuoshiArchive.Core.Tests.OfficialDocuments.Layout.PrintedDocument;

namespace LuoshiArchive.Core.Tests.OfficialDocuments.Layout;

/// <summary>
/// Where the last text falls on its page (issue 17): the same 通报 with 10 to 32 one-line paragraphs, so that over the
/// 23 documents its last line takes every one of a page's 22 lines — the page exactly full among them. None may print
/// a page holding nothing but the 版记, the 版记 may never overlap the text, and every page carries its number.
/// The 23 are converted in one LibreOffice run.
/// </summary>
[Collection(PdfRenders.Name)]
public sealed class LastPageTests : IDisposable
{
    private const int Fewest = 10, Most = 32;
    private readonly string _dir = Directory.CreateTempSubdirectory("luoshi-last-page-").FullName;

    private static DocumentSpec Notice(int paragraphs) => new()
    {
        Genre = DocumentGenre.Commendation, Mark = "天津市教育委员会文件", Number = "津教委〔2018〕36号",
        CodePrefix = "津教委", Title = "关于对按时完成重点任务的处室予以通报表扬的通报", Recipients = "机关各处室：",
        Paragraphs = Enumerable.Range(1, paragraphs)
            .Select(i => new DocumentParagraph(0, $"第{i}项重点任务已按期完成，成效明显。")).ToList(),
        Signature = "天津市教育委员会", Date = new DateOnly(2018, 12, 20),
        Cc = ["市委教育工委", "市政府办公厅"], Printer = "天津市教育委员会办公室", PrintDate = new DateOnly(2018, 12, 21),
    };

    private static bool InColophon(Line line) =>
        line.Text.StartsWith("抄送：", StringComparison.Ordinal) || line.Text.EndsWith("印发", StringComparison.Ordinal)
        || line.Text == "天津市教育委员会办公室";

    [Fact]
    public void Wherever_the_last_text_falls_the_版记_shares_its_page_below_it_and_no_page_holds_only_the_版记()
    {
        var counts = Enumerable.Range(Fewest, Most - Fewest + 1).ToList();
        var docx = counts.Select(n => OfficialDocumentService.Render(Notice(n), new DocumentLayout())).ToList();
        var converters = Text.Fixture.Installed(soffice: true) with { PdfTimeout = TimeSpan.FromSeconds(60) };
        var pdfs = PdfRendition.TryConvertMany(docx, converters);
        var pageCounts = new HashSet<int>();

        for (var i = 0; i < counts.Count; i++)
        {
            var file = Path.Combine(_dir, $"{counts[i]}.pdf");
            File.WriteAllBytes(file, pdfs[i] ?? throw new InvalidOperationException($"{counts[i]} paragraphs: no PDF"));
            var pages = Read(file).Pages;
            var because = $"{counts[i]} paragraphs, {pages.Count} pages";
            for (var p = 0; p < pages.Count; p++)
            {
                Assert.True(PageNumber(pages[p]) is not null, $"{because}: page {p + 1} has no number");
                Assert.True(pages[p].Any(l => !InColophon(l) && l != PageNumber(pages[p])),
                    $"{because}: page {p + 1} holds only the 版记");
            }
            var last = pages[^1];
            var colophon = last.Where(InColophon).ToList();
            Assert.Equal(3, colophon.Count);
            var text = last.Where(l => !InColophon(l) && l != PageNumber(last)).ToList();
            Assert.True(text.Max(l => l.Y1) < colophon.Min(l => l.Y0) - 2,
                $"{because}: the last text ends at {text.Max(l => l.Y1):0.0} mm, the 版记 starts at " +
                $"{colophon.Min(l => l.Y0):0.0} mm");
            pageCounts.Add(pages.Count);
        }
        // One paragraph more at a time, 23 times over a 22-line page: the text crossed a page's foot, so one of the
        // documents filled its page exactly.
        Assert.True(pageCounts.Count >= 2, $"pages: {string.Join(", ", pageCounts)}");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
