using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi doc render SPEC.json --out FILE.docx [--pdf FILE.pdf]</c>: a GB/T 9704 DOCX from a SPEC (README);
/// <c>"number": "auto"</c> takes the next number of <c>codePrefix</c> from the register (and records it).
/// </summary>
public sealed class DocRenderCommand : ICliCommand
{
    public string[] Words => ["doc", "render"];
    public string[] ValueOptions => ["out", "pdf"];
    public string[] Flags => [];
    public string Usage => "luoshi doc render SPEC.json --out FILE.docx [--pdf FILE.pdf]   按 GB/T 9704 生成公文（number 为 auto 时自动取号）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个 SPEC 文件（JSON），或用 - 从标准输入读取。");
        var source = line.Positionals[0];
        var output = line.Required("out");
        if (!output.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)) throw new UsageException("--out 应是 .docx 文件。");
        var pdfOut = line.Value("pdf");
        if (pdfOut is not null && !pdfOut.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) throw new UsageException("--pdf 应是 .pdf 文件。");
        string json;
        if (source == "-") json = context.In.ReadToEnd();
        else if (!File.Exists(source)) throw new DomainRuleException($"找不到 SPEC 文件“{source}”。");
        else json = File.ReadAllText(source);

        var spec = DocumentSpecReader.Parse(json);
        if (spec.WantsAutoNumber)
        {
            var allocation = context.Get<DocumentNumberRegister>().Next(spec.CodePrefix, spec.Date.Year, null, Actor.Console());
            spec = spec with { Number = allocation.Number };
            context.Error.WriteLine($"已取号：{allocation.Number}");
        }
        var docx = OfficialDocumentService.Render(spec, new DocumentLayout());
        WriteAtomically(output, docx);
        context.Out.WriteLine(Path.GetFullPath(output));
        if (pdfOut is null) return Task.FromResult(LuoshiCli.Success);

        var pdf = PdfRendition.TryConvert(docx, ConverterPaths.Detect());
        if (pdf is null)
        {
            context.Error.WriteLine("未能生成 PDF：本机没有安装 LibreOffice（soffice），或转换失败。DOCX 已生成。");
            return Task.FromResult(LuoshiCli.Failure);
        }
        WriteAtomically(pdfOut, pdf);
        context.Out.WriteLine(Path.GetFullPath(pdfOut));
        return Task.FromResult(LuoshiCli.Success);
    }

    /// <summary>Written beside the target and renamed: a failure leaves no half-written file under the name asked for.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        File.WriteAllBytes(partial, bytes);
        File.Move(partial, full, overwrite: true);
    }
}
