using DocumentFormat.OpenXml.Packaging;
using LuoshiArchive.Cli;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary><c>luoshi doc render</c>: a SPEC in, a GB/T 9704 DOCX (and PDF) out; "auto" takes numbers from the register.</summary>
public sealed class DocCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-cli-doc-").FullName;
    private readonly TestClock _clock = new(new DateOnly(2018, 2, 8));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(int Exit, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(Path.Combine(_root, "storage"))], stdout, stderr, new StringReader(stdin), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Seed => Path.Combine(AppContext.BaseDirectory, "Examples", "seed-notice.json");

    [Fact]
    public async Task The_seed_spec_renders_a_docx_and_a_pdf_of_ten_pages_or_so()
    {
        var docx = Path.Combine(_root, "通知.docx");
        var pdf = Path.Combine(_root, "通知.pdf");
        var result = await Run("", "doc", "render", Seed, "--out", docx, "--pdf", pdf);
        Assert.True(result.Exit == 0, result.Err);
        using (var document = WordprocessingDocument.Open(docx, false))
            Assert.Contains("津教委〔2018〕1号", document.MainDocumentPart!.Document!.InnerText);
        var pages = UglyToad.PdfPig.PdfDocument.Open(pdf).NumberOfPages;
        Assert.InRange(pages, 5, 12);
        Assert.False(File.Exists(docx + ".partial"));
    }

    [Fact]
    public async Task Auto_numbers_follow_each_other_and_are_kept_in_the_register()
    {
        var spec = File.ReadAllText(Seed).Replace("\"津教委〔2018〕1号\"", "\"auto\"");
        var first = await Run(spec, "doc", "render", "-", "--out", Path.Combine(_root, "a.docx"));
        var second = await Run(spec, "doc", "render", "-", "--out", Path.Combine(_root, "b.docx"));
        Assert.Contains("已取号：津教委〔2018〕1号", first.Err);
        Assert.Contains("已取号：津教委〔2018〕2号", second.Err);
        using var document = WordprocessingDocument.Open(Path.Combine(_root, "b.docx"), false);
        Assert.Contains("津教委〔2018〕2号", document.MainDocumentPart!.Document!.InnerText);
    }

    [Fact]
    public async Task An_invalid_spec_names_the_field_and_writes_nothing()
    {
        var spec = File.ReadAllText(Seed).Replace("\"date\": \"2018-02-08\"", "\"date\": \"2018年2月8日\"");
        var output = Path.Combine(_root, "bad.docx");
        var result = await Run(spec, "doc", "render", "-", "--out", output);
        Assert.Equal(1, result.Exit);
        Assert.Contains("字段 date", result.Err);
        Assert.False(File.Exists(output));
        Assert.Equal(2, (await Run("", "doc", "render", Seed)).Exit);
    }
}
