using System.Globalization;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Documents;

/// <summary>A draft edited field by field and paragraph by paragraph; from here it is previewed and issued (confirmed on the Issue page).</summary>
[Authorize(Policy = nameof(Permission.IssueDocuments))]
public class EditModel(OfficialDocumentService documents) : FormPageModel
{
    /// <summary>Empty paragraph rows offered under the text, to add paragraphs.</summary>
    public const int SpareRows = 3;

    [BindProperty] public DraftForm Form { get; set; } = new();
    public OfficialDocument Document { get; private set; } = new();

    public IActionResult OnGet(int id)
    {
        var document = documents.Find(id);
        if (document is null) return NotFound();
        if (document.IsIssued) return RedirectToPage("Details", new { id });
        Document = document;
        Form = DraftForm.From(OfficialDocumentService.Spec(document), document.ReplyDue);
        return Page();
    }

    public IActionResult OnPost(int id, string? action)
    {
        var document = documents.Find(id);
        if (document is null) return NotFound();
        Document = document;
        if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效：" + string.Join("；", ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key)));
        var spec = Form.ToSpec(OfficialDocumentService.Spec(document));
        documents.UpdateDraft(id, spec, Form.ReplyDue, User.Actor());
        TempData["Message"] = "草稿已保存。";
        return action switch
        {
            "preview" => RedirectToPage("Preview", new { id }),
            "issue" => RedirectToPage("Issue", new { id }), // the number is shown and confirmed before it is taken
            _ => RedirectToPage(new { id }),
        };
    }

    /// <summary>The draft form; strings nullable because an empty field posts as null.</summary>
    public sealed class DraftForm
    {
        public string? Mark { get; set; }
        public string? Number { get; set; }
        public string? CodePrefix { get; set; }
        public string? Title { get; set; }
        public string? Recipients { get; set; }
        public List<ParagraphRow> Paragraphs { get; set; } = [];
        public string? Attachments { get; set; }
        public string? Signature { get; set; }
        public DateOnly? Date { get; set; }
        public string? Note { get; set; }
        public string? Cc { get; set; }
        public string? Printer { get; set; }
        public DateOnly? PrintDate { get; set; }
        public string? IndexNumber { get; set; }
        public string? Subject { get; set; }
        public Disclosure Disclosure { get; set; }
        public DateOnly? ReplyDue { get; set; }

        public static DraftForm From(DocumentSpec s, DateOnly? replyDue) => new()
        {
            Mark = s.Mark, Number = s.Number, CodePrefix = s.CodePrefix, Title = s.Title, Recipients = s.Recipients,
            Paragraphs = [.. s.Paragraphs.Select(p => new ParagraphRow { Level = p.Level, Text = p.Text }),
                .. Enumerable.Range(0, SpareRows).Select(_ => new ParagraphRow())],
            Attachments = string.Join("\n", s.Attachments), Signature = s.Signature, Date = s.Date, Note = s.Note,
            Cc = string.Join("\n", s.Cc), Printer = s.Printer, PrintDate = s.PrintDate, IndexNumber = s.IndexNumber,
            Subject = s.Subject, Disclosure = s.Disclosure, ReplyDue = replyDue,
        };

        /// <summary>The edited SPEC; what the form does not show (enclosure, attachment contents) is kept from <paramref name="current"/>.</summary>
        public DocumentSpec ToSpec(DocumentSpec current)
        {
            static List<string> Lines(string? text) =>
                (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            return new DocumentSpec
            {
                Genre = current.Genre, Mark = Mark?.Trim() ?? "", Number = Number?.Trim() ?? "", CodePrefix = CodePrefix?.Trim() ?? "",
                Title = Title?.Trim() ?? "", Recipients = Recipients?.Trim() ?? "",
                Paragraphs = Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p.Text))
                    .Select(p => new DocumentParagraph(Math.Clamp(p.Level, 0, 4), p.Text!.Trim())).ToList(),
                Enclosure = current.Enclosure, AttachmentBodies = current.AttachmentBodies,
                Attachments = Lines(Attachments), Signature = Signature?.Trim() ?? "", Date = Date ?? default, Note = Note?.Trim() ?? "",
                Cc = Lines(Cc).SelectMany(l => l.Split('，', '、', ',')).Select(c => c.Trim()).Where(c => c.Length > 0).ToList(),
                Printer = Printer?.Trim() ?? "", PrintDate = PrintDate, IndexNumber = IndexNumber?.Trim() ?? "",
                Subject = Subject?.Trim() ?? "", Disclosure = Disclosure,
            };
        }
    }

    public sealed class ParagraphRow
    {
        public int Level { get; set; }
        public string? Text { get; set; }
    }

    public static string LevelLabel(int level) => level switch
    {
        0 => "正文", 1 => "一、（黑体）", 2 => "（一）（楷体）", 3 => "1.", _ => "（1）",
    };

    public static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
