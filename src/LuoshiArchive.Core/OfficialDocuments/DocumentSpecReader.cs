using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// Reads and checks a document SPEC (JSON). Every problem names its field ("paragraphs[2].level …") so a user's script
/// can be fixed without guessing; all problems are reported together.
/// </summary>
public static class DocumentSpecReader
{
    private static readonly Dictionary<string, DocumentGenre> Genres = new(StringComparer.OrdinalIgnoreCase)
    {
        ["notice"] = DocumentGenre.Notice, ["issuance"] = DocumentGenre.Issuance, ["commendation"] = DocumentGenre.Commendation,
        ["criticism"] = DocumentGenre.Criticism, ["supervision"] = DocumentGenre.Supervision, ["minutes"] = DocumentGenre.Minutes,
    };

    private static readonly Dictionary<string, Disclosure> Disclosures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["主动公开"] = Disclosure.Proactive, ["依申请公开"] = Disclosure.OnRequest, ["不予公开"] = Disclosure.NotDisclosed,
        ["proactive"] = Disclosure.Proactive, ["onrequest"] = Disclosure.OnRequest, ["notdisclosed"] = Disclosure.NotDisclosed,
    };

    public static string GenreName(DocumentGenre genre) => Genres.First(g => g.Value == genre).Key;

    public static DocumentSpec Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DomainRuleException($"SPEC 不是有效的 JSON（第 {e.LineNumber + 1} 行附近）：{e.Message}");
        }
        if (root is not JsonObject o) throw new DomainRuleException("SPEC 应是一个 JSON 对象 {…}。");
        var problems = new List<string>();
        var known = new HashSet<string>(["genre", "mark", "number", "codePrefix", "title", "recipients", "paragraphs", "attachments",
            "attachmentBodies", "enclosure", "signature", "date", "note", "cc", "printer", "printDate", "indexNumber", "subject", "disclosure", "issueDate"]);
        foreach (var key in o.Select(p => p.Key).Where(k => !known.Contains(k)))
            problems.Add($"字段 {key}：不认识的字段（可用字段：{string.Join("、", known)}）");

        var genreText = Str(o, "genre", problems);
        var genre = DocumentGenre.Notice;
        if (genreText.Length == 0) problems.Add("字段 genre：必填，应为 notice|issuance|commendation|criticism|supervision|minutes");
        else if (!Genres.TryGetValue(genreText, out genre)) problems.Add($"字段 genre：“{genreText}”无效，应为 notice|issuance|commendation|criticism|supervision|minutes");

        var spec = new DocumentSpec
        {
            Genre = genre,
            Mark = Str(o, "mark", problems),
            Number = Str(o, "number", problems),
            CodePrefix = Str(o, "codePrefix", problems),
            Title = Str(o, "title", problems),
            Recipients = Str(o, "recipients", problems),
            Paragraphs = Paragraphs(o["paragraphs"], "paragraphs", problems),
            Enclosure = o["enclosure"] is { } enclosure ? AttachmentBodies(new JsonArray(enclosure.DeepClone()), problems, "enclosure").FirstOrDefault() : null,
            Attachments = Strings(o, "attachments", problems),
            AttachmentBodies = AttachmentBodies(o["attachmentBodies"], problems),
            Signature = Str(o, "signature", problems),
            Date = Date(o, "date", problems) ?? default,
            Note = Str(o, "note", problems),
            Cc = Strings(o, "cc", problems),
            Printer = Str(o, "printer", problems),
            PrintDate = Date(o, "printDate", problems),
            IndexNumber = Str(o, "indexNumber", problems),
            Subject = Str(o, "subject", problems),
            IssueDate = Date(o, "issueDate", problems),
        };
        var disclosure = Str(o, "disclosure", problems);
        if (disclosure.Length > 0)
        {
            if (Disclosures.TryGetValue(disclosure, out var d)) spec = spec with { Disclosure = d };
            else problems.Add($"字段 disclosure：“{disclosure}”无效，应为 主动公开|依申请公开|不予公开");
        }
        problems.AddRange(Check(spec, dateAlreadyReported: o["date"] is not null));
        if (problems.Count > 0) throw new DomainRuleException("SPEC 有误：" + string.Join("；", problems) + "。");
        return spec;
    }

    /// <summary>The rules a spec must meet whether it came from JSON or from the drafting form.</summary>
    public static IReadOnlyList<string> Check(DocumentSpec spec, bool dateAlreadyReported = false)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(spec.Title)) problems.Add("字段 title：必填（公文标题）");
        else if (spec.Title.Length > 120) problems.Add("字段 title：不能超过120字");
        if (spec.Genre != DocumentGenre.Minutes && string.IsNullOrWhiteSpace(spec.Mark)) problems.Add("字段 mark：必填（发文机关标志，如“天津市教育委员会文件”）");
        if (spec.Paragraphs.Count == 0 || spec.Paragraphs.All(p => string.IsNullOrWhiteSpace(p.Text)))
            problems.Add("字段 paragraphs：至少要有一段正文（首页必须有正文）");
        if (spec.Date == default && !dateAlreadyReported) problems.Add("字段 date：必填，写成 YYYY-MM-DD（成文日期）");
        if (spec.WantsAutoNumber && string.IsNullOrWhiteSpace(spec.CodePrefix))
            problems.Add("字段 codePrefix：number 为 auto 时必填（机关代字，如“津教委”）");
        else if (!spec.WantsAutoNumber && spec.Number.Trim().Length > 0 && !DocumentNumber.TryParse(spec.Number, out _))
            problems.Add($"字段 number：“{spec.Number}”不是有效的发文字号，应写成 机关代字〔年份〕序号号（如 津教委〔2018〕1号）或 auto");
        if (string.IsNullOrWhiteSpace(spec.Signature)) problems.Add("字段 signature：必填（发文机关署名）");
        for (var i = 0; i < spec.AttachmentBodies.Count; i++)
        {
            if (i >= spec.Attachments.Count) problems.Add($"字段 attachmentBodies[{i}]：在 attachments 中没有对应的附件名称");
        }
        return problems;
    }

    private static string Str(JsonObject o, string name, List<string> problems)
    {
        var node = o[name];
        if (node is null) return "";
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s.Trim();
        problems.Add($"字段 {name}：应为字符串");
        return "";
    }

    private static IReadOnlyList<string> Strings(JsonObject o, string name, List<string> problems)
    {
        var node = o[name];
        if (node is null) return [];
        if (node is JsonValue v && v.TryGetValue<string>(out var single)) return single.Trim().Length > 0 ? [single.Trim()] : [];
        if (node is not JsonArray array) { problems.Add($"字段 {name}：应为字符串数组"); return []; }
        var list = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue item && item.TryGetValue<string>(out var s)) { if (s.Trim().Length > 0) list.Add(s.Trim()); }
            else problems.Add($"字段 {name}[{i}]：应为字符串");
        }
        return list;
    }

    private static DateOnly? Date(JsonObject o, string name, List<string> problems)
    {
        var text = Str(o, name, problems);
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        problems.Add($"字段 {name}：“{text}”应写成 YYYY-MM-DD");
        return null;
    }

    private static IReadOnlyList<DocumentParagraph> Paragraphs(JsonNode? node, string path, List<string> problems)
    {
        if (node is null) return [];
        if (node is not JsonArray array) { problems.Add($"字段 {path}：应为数组 [{{\"level\": 0, \"text\": \"…\"}}]"); return []; }
        var list = new List<DocumentParagraph>();
        for (var i = 0; i < array.Count; i++)
        {
            switch (array[i])
            {
                case JsonValue plain when plain.TryGetValue<string>(out var text):
                    list.Add(new DocumentParagraph(0, text.Trim()));
                    break;
                case JsonObject p:
                    var level = 0;
                    if (p["level"] is { } l)
                    {
                        if (l is JsonValue lv && lv.TryGetValue<int>(out var n) && n is >= 0 and <= 4) level = n;
                        else problems.Add($"字段 {path}[{i}].level：应为 0–4 的整数（0 正文，1 一、，2 （一），3 1.，4 （1））");
                    }
                    if (p["text"] is JsonValue tv && tv.TryGetValue<string>(out var t)) list.Add(new DocumentParagraph(level, t.Trim()));
                    else problems.Add($"字段 {path}[{i}].text：必填，应为字符串");
                    break;
                default:
                    problems.Add($"字段 {path}[{i}]：应为 {{\"level\": 0, \"text\": \"…\"}}");
                    break;
            }
        }
        return list;
    }

    private static IReadOnlyList<DocumentAttachment> AttachmentBodies(JsonNode? node, List<string> problems, string field = "attachmentBodies")
    {
        if (node is null) return [];
        if (node is not JsonArray array) { problems.Add($"字段 {field}：应为数组"); return []; }
        var list = new List<DocumentAttachment>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject a) { problems.Add(field == "enclosure" ? "字段 enclosure：应为对象 {\"title\", \"paragraphs\"}" : $"字段 {field}[{i}]：应为对象"); continue; }
            var title = a["title"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t.Trim() : "";
            var paragraphs = Paragraphs(a["paragraphs"], field == "enclosure" ? "enclosure.paragraphs" : $"{field}[{i}].paragraphs", problems);
            DocumentTable? table = null;
            if (a["table"] is JsonObject tableNode)
            {
                var header = tableNode["header"] is JsonArray h ? h.Select(c => c?.ToString() ?? "").ToList() : [];
                var rows = tableNode["rows"] is JsonArray r
                    ? r.Select(row => (IReadOnlyList<string>)(row as JsonArray ?? []).Select(c => c?.ToString() ?? "").ToList()).ToList()
                    : [];
                if (header.Count == 0) problems.Add($"字段 {field}[{i}].table.header：至少一列");
                table = new DocumentTable(header, rows);
            }
            list.Add(new DocumentAttachment(title, paragraphs, table));
        }
        return list;
    }
}
