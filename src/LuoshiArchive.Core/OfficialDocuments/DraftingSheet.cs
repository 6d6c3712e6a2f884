using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// The 发文稿纸 (发文处理笺) kept with the file: who drafted, reviewed and signed the document off and when, the 签发意见,
/// then the 文号, 标题, 主送, 抄送 and 印发日期, as a bordered form on the GB/T 9704 page. Blank where a step is not
/// (yet) recorded, e.g. for documents issued before the steps were kept.
/// </summary>
public static class DraftingSheet
{
    public static void Write(Stream output, OfficialDocument document, string organisation, IReadOnlyList<string> taskCodes) =>
        DocxParts.Write(output, body =>
        {
            body.Append(DocxParts.Title(organisation + "发文稿纸"));
            body.Append(OfficialPage.Blank());
            body.Append(DocxParts.Form(Fields(document, taskCodes)));
        });

    /// <summary>The form's rows, label and value, in print order.</summary>
    public static IReadOnlyList<(string Label, string Value)> Fields(OfficialDocument document, IReadOnlyList<string> taskCodes)
    {
        var spec = OfficialDocumentService.Spec(document);
        var signed = document.Step(DocumentStepKind.SignedOff);
        var reviewed = document.Step(DocumentStepKind.Reviewed);
        var issued = spec.IssueDate ?? (document.IssuedAt is { } at ? DateOnly.FromDateTime(at.ToLocalTime()) : null);
        return
        [
            ("签发", signed is null ? "" : $"{signed.Opinion}\n签发人：{signed.By}　{Date(signed.At)}"),
            ("核稿", reviewed is null ? "" : Join(reviewed.Opinion, $"核稿人：{reviewed.By}　{Date(reviewed.At)}")),
            ("拟稿", $"拟稿人：{document.DraftedBy}　{Date(document.DraftedAt)}"),
            ("文种", ChineseLabels.Of(document.Genre)),
            ("文号", document.IsIssued ? document.Number : "（签发后编号）"),
            ("标题", spec.Title),
            ("主送", spec.Recipients),
            ("抄送", string.Join("，", spec.Cc)),
            ("成文日期", ChineseDates.Format(spec.Date)),
            ("印发日期", issued is { } day ? ChineseDates.Format(day) : ""),
            ("印发", document.IssuedBy),
            ("涉及任务", string.Join("、", taskCodes)),
        ];
    }

    /// <summary>"发文稿纸-津教委〔2018〕3号.docx", or with the document id while it has no number.</summary>
    public static string FileName(OfficialDocument document) =>
        Storage.ArchiveNames.Safe($"发文稿纸-{(document.Number.Length > 0 ? document.Number : $"公文{document.Id}")}") + ".docx";

    private static string Date(DateTime utc) => ChineseDates.Format(DateOnly.FromDateTime(utc.ToLocalTime()));

    private static string Join(string opinion, string who) => opinion.Length > 0 ? $"{opinion}\n{who}" : who;
}
