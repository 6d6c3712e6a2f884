using LuoshiArchive.Core.Text;
using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// The 月度自查自评表 on the GB/T 9704 page: title and month, the department, one table row per task (进展情况,
/// 存在问题, 下一步措施, 自评等次), the overall remarks and the sign-off line.
/// </summary>
public static class SelfCheckDocument
{
    private static readonly int[] Widths = [560, 1700, 2500, 1500, 1700, 884];

    public static void Write(Stream output, SelfCheck form, string department, DateTime? submittedAt) =>
        DocxParts.Write(output, body =>
        {
            body.Append(DocxParts.Title("重点任务月度自查自评表"));
            body.Append(OfficialPage.Centered(OfficialPage.Text($"（{form.Year}年{form.Month}月）")));
            body.Append(OfficialPage.Blank());
            body.Append(DocxParts.Flush($"填报处室：{department}"));
            if (submittedAt is null) body.Append(DocxParts.Flush("（草稿，尚未提交）"));
            body.Append(DocxParts.Table(Widths, ["序号", "任务名称", "进展情况", "存在问题", "下一步措施", "自评等次"],
                form.Rows.Select((r, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(), $"{r.TaskCode}\n{r.TaskName}",
                    r.Progress + (r.Completion is { } c ? $"\n（完成约{c}%）" : ""), r.Problems, r.NextSteps,
                    r.Rating is { } rating ? ChineseLabels.Of(rating) : "",
                ])));
            if (form.Summary.Length > 0)
            {
                body.Append(OfficialPage.Blank());
                body.Append(DocxParts.Heading("总体情况"));
                foreach (var paragraph in DocxParts.Paragraphs(form.Summary)) body.Append(paragraph);
            }
            body.Append(OfficialPage.Blank());
            body.Append(DocxParts.Flush($"处室主要负责人（签字）：　　　　　　填报人：{form.SubmittedBy}"));
            if (submittedAt is { } at) body.Append(DocxParts.Right($"提交日期：{ChineseDates.Format(DateOnly.FromDateTime(at))}"));
        });
}
