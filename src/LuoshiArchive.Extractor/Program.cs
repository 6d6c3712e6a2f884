// luoshi-extract: reads one untrusted file in its own process (started by IsolatedTextExtractor with a time and
// memory limit) and prints one JSON line: the text, or the problem. A crash here cannot take the server down.
using System.Text;
using System.Text.Json;
using LuoshiArchive.Core.Text;

Console.OutputEncoding = new UTF8Encoding(false);
if (args.Length != 7)
{
    Console.Error.WriteLine("luoshi-extract is started by LuoshiArchive itself, with 7 arguments.");
    return 2;
}
var (path, name, limits, converters) = ExtractorArguments.Parse(args);
try
{
    var result = new TextExtractor(limits, converters).Extract(path, name);
    Console.WriteLine(JsonSerializer.Serialize(new ExtractorReply(result.Format.ToString(), result.Text, result.PageCount, result.NoTextRead, result.Note, null, null)));
    return 0;
}
catch (ExtractionException e)
{
    Console.WriteLine(JsonSerializer.Serialize(new ExtractorReply(null, null, null, false, null, e.Problem.ToString(), e.Message)));
    return 3;
}
catch (TimeoutException)
{
    Console.WriteLine(JsonSerializer.Serialize(new ExtractorReply(null, null, null, false, null, nameof(ExtractionProblem.TimedOut),
        $"转换“{name}”超时，文件可能已损坏或过于复杂，未保存。")));
    return 3;
}
