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

    [Fact]
    public async Task A_46_mb_text_file_is_read_or_refused_for_memory_never_called_damaged()
    {
        var path = Path.Combine(Path.GetTempPath(), "luoshi-46mb-" + Guid.NewGuid().ToString("N") + ".txt");
        var line = System.Text.Encoding.UTF8.GetBytes("各处室按照年度计划推进重点任务落实工作，定期报送进展情况和存在的问题。\n");
        await using (var file = File.Create(path))
            while (file.Length < 46L * 1024 * 1024) file.Write(line);
        try
        {
            using var isolated = new IsolatedTextExtractor(new ExtractionLimits(), ConverterPaths.None);
            var read = await isolated.ExtractAsync(path, "汇编.txt");
            Assert.True(read.Text.Length > 15_000_000, $"{read.Text.Length} characters");
            Assert.False(File.Exists(path + ".text")); // the side file the text came back in is gone

            // With a worker heap too small for it, the reason is memory, with the limit, not damage.
            using var small = new IsolatedTextExtractor(new ExtractionLimits { MemoryLimitBytes = 64L * 1024 * 1024 },
                ConverterPaths.None);
            var refused = await Assert.ThrowsAsync<ExtractionException>(() => small.ExtractAsync(path, "汇编.txt"));
            Assert.Equal(ExtractionProblem.OutOfMemory, refused.Problem);
            Assert.Contains("内存超过解析程序的上限（64 MB）", refused.Message);
            Assert.DoesNotContain("损坏", refused.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Files_beyond_the_concurrent_limit_wait_their_turn_and_say_so_when_the_wait_runs_out()
    {
        var limits = new ExtractionLimits { MaxConcurrent = 1, QueueTimeout = TimeSpan.FromMilliseconds(200) };
        using var isolated = new IsolatedTextExtractor(limits, ConverterPaths.None);
        using (await isolated.TurnAsync("第一个.txt"))
        {
            var busy = await Assert.ThrowsAsync<ExtractionException>(
                () => isolated.ExtractAsync(Fixture.Path("notice.txt"), "第二个.txt"));
            Assert.Equal(ExtractionProblem.Busy, busy.Problem);
            Assert.Contains("同时最多处理 1 个", busy.Message);
            Assert.Contains("请稍后重新上传", busy.Message);
        }
        Assert.Contains("长效机制", (await isolated.ExtractAsync(Fixture.Path("notice.txt"), "notice.txt")).Text);
    }

    [Fact]
    public async Task Small_plain_texts_are_decoded_alike_without_a_worker_and_other_files_still_go_to_one()
    {
        var folder = Directory.CreateTempSubdirectory("luoshi-here-").FullName;
        try
        {
            string Copy(string fixture, string name)
            {
                var path = Path.Combine(folder, name);
                File.Copy(Fixture.Path(fixture), path);
                return path;
            }
            var texts = new[]
            {
                (Copy("notice-gb18030.txt", "国标.txt"), "国标.txt"), (Copy("notice-utf16le-bom.txt", "u16.txt"), "u16.txt"),
                (Copy("notice.txt", "通知.md"), "通知.md"),
            };
            using var isolated = new IsolatedTextExtractor(new ExtractionLimits(), ConverterPaths.None);
            var inProcess = new TextExtractor(new ExtractionLimits(), ConverterPaths.None);

            var outcomes = await isolated.ExtractBatchAsync(texts);

            foreach (var ((path, name), outcome) in texts.Zip(outcomes))
                Assert.Equal(inProcess.Extract(path, name), outcome.Read!.ReadText());
            Assert.Contains("长效机制", outcomes[0].Read!.ReadText().Text);
            Assert.Equal(0, isolated.WorkersStarted);

            // A Word file named .txt is judged by a worker, with the message it always had; the text beside it is read.
            var judged = await isolated.ExtractBatchAsync(
                [(Copy("notice.docx", "改名.txt"), "改名.txt"), (Copy("notice.txt", "正文.txt"), "正文.txt")]);
            Assert.Equal(ExtractionProblem.WrongExtension, judged[0].Problem!.Problem);
            Assert.Contains("内容是Word 文档（DOCX）", judged[0].Problem!.Message);
            Assert.Contains("长效机制", judged[1].Read!.ReadText().Text);
            Assert.Equal(1, isolated.WorkersStarted);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
