using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Tests.Text;

public class IsolatedTextExtractorTests
{
    [Fact]
    public async Task A_pdf_is_read_in_a_child_process_with_the_same_result()
    {
        using var isolated = new IsolatedTextExtractor(new ExtractionLimits(), ConverterPaths.None);
        var inProcess = new TextExtractor(new ExtractionLimits(), ConverterPaths.None).Extract(Fixture.Path("notice.pdf"), "notice.pdf");

        var result = await isolated.ExtractAsync(Fixture.Path("notice.pdf"), "notice.pdf");

        Assert.Equal(inProcess, result);
    }

    [Fact]
    public async Task A_problem_found_in_the_child_comes_back_with_its_message()
    {
        using var isolated = new IsolatedTextExtractor(new ExtractionLimits(), ConverterPaths.None);
        var error = await Assert.ThrowsAsync<ExtractionException>(() => isolated.ExtractAsync(Fixture.Path("notice-encrypted.pdf"), "加密.pdf"));
        Assert.Equal(ExtractionProblem.Encrypted, error.Problem);
        Assert.Contains("加密.pdf", error.Message);
        // The worker that reported the problem is healthy and serves the next file.
        Assert.Contains("长效机制", (await isolated.ExtractAsync(Fixture.Path("notice.txt"), "notice.txt")).Text);
    }

    [Fact]
    public async Task A_file_that_takes_longer_than_the_limit_is_stopped_and_reported()
    {
        // OCR of a two-page scan takes seconds; a 1 ms budget cannot be met, whatever the machine.
        var limits = new ExtractionLimits { Timeout = TimeSpan.FromMilliseconds(1) };
        using var isolated = new IsolatedTextExtractor(limits, Fixture.Installed(ocr: true));
        var error = await Assert.ThrowsAsync<ExtractionException>(() => isolated.ExtractAsync(Fixture.Path("notice-scanned.pdf"), "扫描.pdf"));
        Assert.Equal(ExtractionProblem.TimedOut, error.Problem);
        Assert.Contains("超时", error.Message);
    }
}
