using System.Text.Json;
using System.Text.Json.Nodes;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>Writes a <see cref="DocumentSpec"/> back as SPEC JSON (the form <see cref="DocumentSpecReader"/> reads).</summary>
public static class DocumentSpecJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string Write(DocumentSpec spec)
    {
        static JsonArray Paragraphs(IEnumerable<DocumentParagraph> ps) =>
            new(ps.Select(p => (JsonNode)new JsonObject { ["level"] = p.Level, ["text"] = p.Text }).ToArray());
        static JsonObject Attachment(DocumentAttachment a)
        {
            var o = new JsonObject { ["title"] = a.Title, ["paragraphs"] = Paragraphs(a.Paragraphs) };
            if (a.Table is { } t)
                o["table"] = new JsonObject
                {
                    ["header"] = new JsonArray(t.Header.Select(h => (JsonNode)JsonValue.Create(h)!).ToArray()),
                    ["rows"] = new JsonArray(t.Rows.Select(r => (JsonNode)new JsonArray(r.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray())).ToArray()),
                };
            return o;
        }
        static JsonArray Strings(IEnumerable<string> s) => new(s.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray());
        var o = new JsonObject
        {
            ["genre"] = DocumentSpecReader.GenreName(spec.Genre),
            ["mark"] = spec.Mark, ["number"] = spec.Number, ["codePrefix"] = spec.CodePrefix, ["title"] = spec.Title,
            ["recipients"] = spec.Recipients, ["paragraphs"] = Paragraphs(spec.Paragraphs),
        };
        if (spec.Enclosure is { } e) o["enclosure"] = Attachment(e);
        o["attachments"] = Strings(spec.Attachments);
        if (spec.AttachmentBodies.Count > 0) o["attachmentBodies"] = new JsonArray(spec.AttachmentBodies.Select(a => (JsonNode)Attachment(a)).ToArray());
        o["signature"] = spec.Signature;
        o["date"] = spec.Date == default ? "" : spec.Date.ToString("yyyy-MM-dd");
        o["note"] = spec.Note;
        o["cc"] = Strings(spec.Cc);
        o["printer"] = spec.Printer;
        if (spec.PrintDate is { } pd) o["printDate"] = pd.ToString("yyyy-MM-dd");
        o["indexNumber"] = spec.IndexNumber;
        o["subject"] = spec.Subject;
        o["disclosure"] = DisclosureLabel(spec.Disclosure);
        if (spec.IssueDate is { } id) o["issueDate"] = id.ToString("yyyy-MM-dd");
        return o.ToJsonString(Options);
    }

    public static string DisclosureLabel(Disclosure d) => d switch
    {
        Disclosure.Proactive => "主动公开",
        Disclosure.OnRequest => "依申请公开",
        _ => "不予公开",
    };
}
