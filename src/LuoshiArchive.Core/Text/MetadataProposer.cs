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
        // A page saved from a government site (HTML, or its text) states its issuer and date in labelled fields.
        if (dateLine < 0 && Labelled(lines, "成文日期", "发文日期", "发布日期", "日期") is { } labelled && ChineseDates.Find(labelled) is { } stated)
            date = stated;
        return new ProposedMetadata(title, DocumentNumbers.FindFirst(string.Join('\n', lines.Take(30))), date, IssuingBody(lines, title, dateLine));
    }

    /// <summary>
    /// The title: a line with 关于 ending in a genre (通知, 通报, …), also when the layout broke it over two or three
    /// lines; otherwise the first plain line that is not the 发文机关标志 ("…文件"), a number, a date or a label.
    /// </summary>
    private static string? Title(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < Math.Min(40, lines.Count); i++)
        {
            if (!lines[i].Contains("关于", StringComparison.Ordinal)) continue;
            var joined = TitleLabel().Replace(lines[i], "");
            for (var j = i; j < Math.Min(i + 3, lines.Count); j++)
            {
                if (j > i) joined += lines[j];
                if (joined.Length > 80 || j > i && (joined.EndsWith('：') || Punctuation().IsMatch(lines[j][^1..]))) break;
                if (Genres.Any(g => joined.EndsWith(g, StringComparison.Ordinal))) return joined;
            }
        }
        return lines.Take(20).FirstOrDefault(l => l.Length is >= 4 and <= 80 && DocumentNumbers.Normalise(l) is null && !IsMark(l)
            && ChineseDates.Parse(l) is null && !l.EndsWith('：') && !l.EndsWith(':') && Labelled([l], "索引号", "主题分类", "发布机构") is null);
    }

    /// <summary>发文机关标志: "天津市教育委员会文件", never a title.</summary>
    private static bool IsMark(string line) => line.EndsWith("文件", StringComparison.Ordinal) && line.Length <= 30 && !line.Contains("关于", StringComparison.Ordinal);

    /// <summary>The value of the first "label：value" line with one of the labels (in that order of preference).</summary>
    private static string? Labelled(IReadOnlyList<string> lines, params string[] labels)
    {
        foreach (var label in labels)
            foreach (var line in lines.Take(60))
            {
                var m = Regex.Match(line, "^" + label + @"\s*[：:]\s*(.+)$");
                if (m.Success && m.Groups[1].Value.Trim() is { Length: > 0 and <= 40 } value) return value;
            }
        return null;
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
        var mark = lines.Take(5).FirstOrDefault(l => IsMark(l) && l.Length > 2);
        if (mark is not null) return mark[..^2];
        if (dateLine > 0 && lines[dateLine - 1] is { Length: >= 2 and <= 30 } signature && !Punctuation().IsMatch(signature))
            return signature;
        if (Labelled(lines, "发文机关", "发布机构", "发文单位", "来源") is { } labelled) return labelled;
        var about = title.IndexOf("关于", StringComparison.Ordinal);
        return about > 0 ? title[..about] : null;
    }

    [GeneratedRegex(@"^[0-9０-９〇零一二三四五六七八九十]{2,4}\s*[年\-./]\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[月\-./]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日?$")]
    private static partial Regex StandaloneDate();

    [GeneratedRegex(@"^(名称|标题)\s*[：:]\s*")]
    private static partial Regex TitleLabel();

    [GeneratedRegex(@"[，。；：、！？,.;:!?（）()《》]")]
    private static partial Regex Punctuation();
}
