using System.Text.Json;
using System.Text.Json.Nodes;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// The genre templates in <c>templates/</c> (see its README): a SPEC with fields in braces, plus layout options. Read
/// from disk each time a draft starts, so an office's edit applies without a restart or a rebuild.
/// </summary>
public sealed class DocumentTemplates(LuoshiOptions options)
{
    public sealed record Template(DocumentGenre Genre, string Name, DocumentLayout Layout, int ReplyDays, JsonObject Spec);

    private static readonly Dictionary<DocumentGenre, string> Files = new()
    {
        [DocumentGenre.Notice] = "notice.json", [DocumentGenre.Issuance] = "issuance.json",
        [DocumentGenre.Commendation] = "commendation.json", [DocumentGenre.Criticism] = "criticism.json",
        [DocumentGenre.Supervision] = "supervision.json", [DocumentGenre.Minutes] = "minutes.json",
    };

    /// <summary>The templates folder: the configured path, else the copy beside the program (published builds, tests).</summary>
    public string Folder
    {
        get
        {
            var configured = Path.GetFullPath(options.TemplatesPath);
            if (Directory.Exists(configured)) return configured;
            var beside = Path.Combine(AppContext.BaseDirectory, "templates");
            return Directory.Exists(beside) ? beside : configured;
        }
    }

    public Template Load(DocumentGenre genre)
    {
        var path = Path.Combine(Folder, Files[genre]);
        if (!File.Exists(path)) throw new DomainRuleException($"缺少公文模板 {path}：请从安装包恢复 templates 文件夹。");
        JsonObject o;
        try
        {
            o = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new DomainRuleException($"公文模板 {Files[genre]} 应是一个 JSON 对象。");
        }
        catch (JsonException e)
        {
            throw new DomainRuleException($"公文模板 {Files[genre]} 不是有效的 JSON（第 {e.LineNumber + 1} 行附近），请修改后重试：{e.Message}");
        }
        var name = (string?)o["name"] ?? Files[genre];
        var layoutNode = o["layout"] as JsonObject;
        var layout = new DocumentLayout
        {
            MarkColor = (string?)layoutNode?["markColor"] ?? OfficialPage.Red,
            MarkSize = layoutNode?["markSize"] is JsonValue size && size.TryGetValue<int>(out var s) ? s : 0,
        };
        var replyDays = o["replyDays"] is JsonValue days && days.TryGetValue<int>(out var d) ? d : 15;
        var spec = (JsonObject)o.DeepClone();
        spec.Remove("name");
        spec.Remove("layout");
        spec.Remove("replyDays");
        return new Template(genre, name, layout, replyDays, spec);
    }

    /// <summary>
    /// Fills a template: every {field} in every text is replaced; a paragraph that is only "{name}" of a list field
    /// becomes one paragraph per item. Unknown fields stay as typed, for the drafter to see and fill.
    /// </summary>
    public static JsonObject Fill(JsonObject template, IReadOnlyDictionary<string, string> fields,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? lists = null)
    {
        var filled = (JsonObject)template.DeepClone();
        if (filled["paragraphs"] is JsonArray paragraphs)
        {
            var expanded = new JsonArray();
            foreach (var p in paragraphs.ToList())
            {
                var text = p is JsonObject po ? (string?)po["text"] : (string?)p;
                var list = lists?.FirstOrDefault(l => text?.Trim() == "{" + l.Key + "}");
                if (list is { Key: not null } found)
                    foreach (var item in found.Value) expanded.Add(new JsonObject { ["level"] = 0, ["text"] = item });
                else
                    expanded.Add(p!.DeepClone());
            }
            filled["paragraphs"] = expanded;
        }
        return (JsonObject)Replace(filled, fields)!;
    }

    private static JsonNode? Replace(JsonNode? node, IReadOnlyDictionary<string, string> fields) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Replace(p.Value, fields)))),
        JsonArray a => new JsonArray(a.Select(i => Replace(i, fields)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(fields.Aggregate(s, (t, f) => t.Replace("{" + f.Key + "}", f.Value, StringComparison.Ordinal))),
        _ => node?.DeepClone(),
    };
}
