// luoshi-extract: reads untrusted files in its own process (started by IsolatedTextExtractor with a memory limit and
// watched with a time limit), so a parser crash cannot take the server down.
//   luoshi-extract --serve       one request a line on stdin (a JSON array of ExtractorArguments), one JSON reply
//                                a line;
//                                a batch (a JSON array of such arrays) gets one reply line per file, in order, each
//                                flushed as soon as that file is read (files one at a time: the memory limit holds)
//   luoshi-extract ARGS…         one file, one reply
using System.Text;
using System.Text.Json;
using LuoshiArchive.Core.Text;

Console.OutputEncoding = new UTF8Encoding(false);
Console.InputEncoding = new UTF8Encoding(false);
if (args is ["--serve"])
{
    string? line;
    while ((line = Console.ReadLine()) is not null)
    {
        if (line.Length == 0) continue;
        var batch = line.StartsWith("[[", StringComparison.Ordinal)
            ? JsonSerializer.Deserialize(line, ExtractorJson.Default.StringArrayArray) ?? []
            : [JsonSerializer.Deserialize(line, ExtractorJson.Default.StringArray) ?? []];
        foreach (var request in batch)
        {
            Console.WriteLine(Reply(request));
            Console.Out.Flush();
        }
    }
    return 0;
}
Console.WriteLine(Reply(args));
return 0;

static string Reply(string[] request)
{
    if (request.Length is not (7 or 8)) return Json(new ExtractorReply(null, null, null, false, null, nameof(ExtractionProblem.Corrupt), "bad request"));
    var (path, name, limits, converters) = ExtractorArguments.Parse(request);
    try
    {
        var result = new TextExtractor(limits, converters).Extract(path, name);
        // A long text goes to the file the parent named, not into the one-line reply (JSON escapes each CJK character
        // as six bytes: a 46 MB text made a ~90 MB line that both processes held several times over).
        var textFile = ExtractorArguments.TextFile(request);
        if (textFile.Length > 0) File.WriteAllText(textFile, result.Text, new UTF8Encoding(false));
        return Json(new ExtractorReply(result.Format.ToString(), textFile.Length > 0 ? "" : result.Text,
            result.PageCount, result.NoTextRead, result.Note, null, null, textFile.Length > 0 ? textFile : null));
    }
    catch (ExtractionException e)
    {
        return Json(new ExtractorReply(null, null, null, false, null, e.Problem.ToString(), e.Message));
    }
    catch (OutOfMemoryException)
    {
        var limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);
        return Json(new ExtractorReply(null, null, null, false, null, nameof(ExtractionProblem.OutOfMemory),
            $"解析“{name}”所需内存超过解析程序的上限（{limit} MB），未保存。文件文字过多或结构异常：请拆分为几个较小的文件，或另存为 PDF 后重新上传。"));
    }
    catch (TimeoutException)
    {
        return Json(new ExtractorReply(null, null, null, false, null, nameof(ExtractionProblem.TimedOut),
            $"转换“{name}”超时，文件可能已损坏或过于复杂，未保存。请另存为 PDF 或 DOCX 后重新上传。"));
    }
}

static string Json(ExtractorReply reply) => JsonSerializer.Serialize(reply, ExtractorJson.Default.ExtractorReply);
