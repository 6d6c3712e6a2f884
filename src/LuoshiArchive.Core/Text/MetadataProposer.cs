using System.Text.RegularExpressions;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// Proposes title, 发文字号, 成文日期 and issuing body from an official document's text, following the layout of
/// GB/T 9704: mark ("…文件"), number, title ("关于…的通知"), body, signature, date on a line of its own.
/// </summary>
public static partial class MetadataProposer
{
    private static readonly string[] Genres =
        ["通知", "通报", "意见", "方案", "决定", "报告", "纪要", "函", "批复", "办法", "规定", "请示", "公告", "通告", "计划", "总结", "细则", "规划", "要点"];

    public static ProposedMetadata Propose(string text, string originalFileName)
    {
        var lines = text.Split('\n').Select(l => l.Trim().Trim('\u3000')).Where(l => l.Length > 0).Take(400).ToList();
        var title = Title(lines) ?? Path.GetFileNameWithoutExtension(originalFileName);
        var (date, dateLine) = SignatureDate(lines);
        return new ProposedMetadata(title, DocumentNumbers.FindFirst(string.Join('\n', lines.Take(30))), date, IssuingBody(lines, title, dateLine));
    }

    private static string? Title(IReadOnlyList<string> lines)
    {
        var official = lines.Take(40).FirstOrDefault(l => l.Contains("关于", StringComparison.Ordinal) && l.Length <= 80
            && Genres.Any(g => l.EndsWith(g, StringComparison.Ordinal)));
        if (official is not null) return official;
        return lines.Take(20).FirstOrDefault(l => l.Length is >= 4 and <= 80 && DocumentNumbers.Normalise(l) is null
            && ChineseDates.Parse(l) is null && !l.EndsWith('：') && !l.EndsWith(':'));
    }

    /// <summary>The date standing alone on a line (the signature date), the first one after the body starts.</summary>
    private static (DateOnly? Date, int Line) SignatureDate(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length <= 16 && ChineseDates.Parse(lines[i]) is { } alone && StandaloneDate().IsMatch(lines[i].Replace(" ", "")))
                return (alone, i);
        }
        var anywhere = lines.Select(ChineseDates.Find).FirstOrDefault(d => d is not null);
        return (anywhere, -1);
    }

    private static string? IssuingBody(IReadOnlyList<string> lines, string title, int dateLine)
    {
        var mark = lines.Take(5).FirstOrDefault(l => l.EndsWith("文件", StringComparison.Ordinal) && l.Length is > 2 and <= 30);
        if (mark is not null) return mark[..^2];
        if (dateLine > 0 && lines[dateLine - 1] is { Length: >= 2 and <= 30 } signature && !Punctuation().IsMatch(signature))
            return signature;
        var about = title.IndexOf("关于", StringComparison.Ordinal);
        return about > 0 ? title[..about] : null;
    }

    [GeneratedRegex(@"^[0-9０-９〇零一二三四五六七八九十]{2,4}\s*[年\-./]\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[月\-./]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日?$")]
    private static partial Regex StandaloneDate();

    [GeneratedRegex(@"[，。；：、！？,.;:!?（）()《》]")]
    private static partial Regex Punctuation();
}
