using LuoshiArchive.Core.Text;
using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// The quarterly leader report as a 报告 on the GB/T 9704 page: title, 主送 the principal leaders, three numbered
/// sections in 黑体 headings, the leader and date, then the attached table of the leader's tasks.
/// </summary>
public static class LeaderReportDocument
{
    private static readonly int[] Widths = [560, 2100, 1300, 900, 2884, 1100];

    public static void Write(Stream output, LeaderReport report, string leaderName, DateOnly date) =>
        DocxParts.Write(output, body =>
        {
            body.Append(DocxParts.Title(report.Title));
            body.Append(OfficialPage.Blank());
            body.Append(DocxParts.Flush("委主要负责同志："));
            body.Append(OfficialPage.Body($"现将{report.Year}年第{ChineseNumbers.Ordinal(report.Quarter)}季度本人分管的重点任务落实情况报告如下。"));
            Section(body, "一、工作进展", report.Progress);
            Section(body, "二、存在的问题", report.Problems);
            Section(body, "三、下一步工作打算及建议", report.Proposals);
            body.Append(OfficialPage.Blank());
            body.Append(DocxParts.Right(leaderName));
            body.Append(DocxParts.Right(ChineseDates.Format(date)));
            if (report.Tasks.Count == 0) return;
            body.Append(OfficialPage.Blank());
            body.Append(DocxParts.Flush("附件：分管重点任务落实情况表"));
            body.Append(DocxParts.Table(Widths, ["序号", "任务", "牵头处室", "状态", "本季度进展", "处室自评"],
                report.Tasks.Select((t, i) => (IReadOnlyList<string>)
                    [(i + 1).ToString(), $"{t.TaskCode}\n{t.TaskName}", t.Department, t.Status, t.Progress, t.Ratings])));
        });

    private static void Section(DocumentFormat.OpenXml.Wordprocessing.Body body, string heading, string text)
    {
        body.Append(DocxParts.Heading(heading));
        var paragraphs = DocxParts.Paragraphs(text).ToList();
        if (paragraphs.Count == 0) body.Append(OfficialPage.Body("（无）"));
        foreach (var paragraph in paragraphs) body.Append(paragraph);
    }
}
