using LuoshiArchive.Core.Text;
using System.Globalization;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// The period report of an assessment, for circulating and forwarding: a DOCX on the GB/T 9704 page (ranking, leader
/// areas, item-by-item results, accountability) and an XLSX workbook with the same tables, one per sheet.
/// </summary>
public static class AssessmentReport
{
    private static readonly int[] RankingWidths = [900, 3144, 1400, 1200, 1200, 998];
    private static readonly int[] LeaderWidths = [2444, 1400, 1200, 1400, 1200, 1200];
    private static readonly int[] TaskWidths = [560, 2500, 1400, 900, 900, 900, 900, 1284];

    public static void WriteDocx(Stream output, AssessmentResult result, string organisation, DateOnly date) =>
        DocxParts.Write(output, body =>
        {
            body.Append(DocxParts.Title($"{result.PeriodLabel()}重点任务考核结果"));
            body.Append(OfficialPage.Blank());
            body.Append(DocxParts.Flush("机关各处室、各直属单位："));
            body.Append(OfficialPage.Body(
                $"根据{result.Year}年重点任务考核评分办法（{SchemeLabel(result.Scheme)}），按完成时间节点和完成效果，对{result.Tasks.Count}项重点任务逐项考核，"
                + $"考核截至{ChineseDates.Format(result.AsOf)}。" + (result.Closed ? "现将考核结果通报如下。" : "以下为阶段性结果，最终以年度考核确定的结果为准。")));
            body.Append(DocxParts.Heading("一、处室得分和排名"));
            body.Append(DocxParts.Table(RankingWidths, ["名次", "处室", "得分", "任务数", "不合格", "问责"],
                result.Departments.Select(d => (IReadOnlyList<string>)
                    [Number(d.Rank), d.Name, TaskScoring.Points(d.Score), Number(d.TaskCount), Number(d.FailingCount), Number(d.AccountabilityCount)])));
            body.Append(DocxParts.Heading("二、分管领域汇总"));
            body.Append(DocxParts.Table(LeaderWidths, ["分管委领导", "任务数", "得分", "评定优秀", "不合格", "问责"],
                result.Leaders.Select(l => (IReadOnlyList<string>)
                    [l.Leader, Number(l.TaskCount), TaskScoring.Points(l.Score), Number(l.ExcellentCount), Number(l.FailingCount), Number(l.AccountabilityCount)])));
            body.Append(DocxParts.Heading("三、逐项考核结果"));
            body.Append(DocxParts.Table(TaskWidths, ["序号", "任务", "牵头处室", "权重", "时效分", "效果分", "加减分", "得分"],
                result.Tasks.Select((t, i) => (IReadOnlyList<string>)
                [
                    Number(i + 1), $"{t.Code}\n{t.Name}", t.Department, t.Weight.ToString("0.####", CultureInfo.InvariantCulture),
                    TaskScoring.Points(t.TimelinessPoints), TaskScoring.Points(t.ResultPoints), TaskScoring.Points(t.AdjustmentPoints),
                    TaskScoring.Points(t.Score) + (t.Rating is { } r ? $"\n{ChineseLabels.Of(r)}" : ""),
                ])));
            body.Append(DocxParts.Heading("四、问责情况"));
            var accountable = result.Tasks.Where(t => t.Accountability.Count > 0).ToList();
            if (accountable.Count == 0) body.Append(OfficialPage.Body("本期无问责事项。"));
            foreach (var t in accountable)
                foreach (var line in t.Accountability) body.Append(OfficialPage.Body($"{t.Code} {t.Name}（{t.Department}）：{line}"));
            body.Append(OfficialPage.Blank());
            body.Append(DocxParts.Right(organisation));
            body.Append(DocxParts.Right(ChineseDates.Format(date)));
        });

    public static void WriteXlsx(Stream output, AssessmentResult result) =>
        SheetWriter.Write(output,
        [
            new SheetContent("处室排名", ["名次", "处室", "得分", "任务数", "权重合计", "不合格", "问责"],
                result.Departments.Select(d => (IReadOnlyList<string>)
                [
                    Number(d.Rank), d.Name, TaskScoring.Points(d.Score), Number(d.TaskCount),
                    d.WeightSum.ToString("0.####", CultureInfo.InvariantCulture), Number(d.FailingCount), Number(d.AccountabilityCount),
                ]), [8, 24, 10, 10, 10, 10, 10]),
            new SheetContent("分管领域", ["分管委领导", "任务数", "得分", "评定优秀", "不合格", "问责"],
                result.Leaders.Select(l => (IReadOnlyList<string>)
                    [l.Leader, Number(l.TaskCount), TaskScoring.Points(l.Score), Number(l.ExcellentCount), Number(l.FailingCount), Number(l.AccountabilityCount)]),
                [16, 10, 10, 10, 10, 10]),
            new SheetContent("逐项考核", ["任务编号", "任务名称", "牵头处室", "分管委领导", "清单类别", "任务来源", "列入日期", "权重", "时效分", "完成效果",
                    "效果分", "加减分", "得分", "问责", "计分说明"],
                result.Tasks.Select(t => (IReadOnlyList<string>)
                [
                    t.Code, t.Name, t.Department, t.Leader, ChineseLabels.Of(t.ListKind), ChineseLabels.Of(t.Source), t.AddedOn.ToString("yyyy-MM-dd"),
                    t.Weight.ToString("0.####", CultureInfo.InvariantCulture), TaskScoring.Points(t.TimelinessPoints),
                    t.Rating is { } r ? ChineseLabels.Of(r) : "未评定", TaskScoring.Points(t.ResultPoints), TaskScoring.Points(t.AdjustmentPoints),
                    TaskScoring.Points(t.Score), string.Join("\n", t.Accountability), string.Join("\n", t.Explanation),
                ]), [12, 30, 16, 12, 18, 16, 12, 8, 8, 10, 8, 8, 8, 24, 60]),
            new SheetContent("评分办法", ["项目", "内容"], SchemeRows(result.Scheme, result), [24, 60]),
        ]);

    public static string SchemeLabel(ScoringScheme scheme) => scheme.Version == 0 ? "默认办法" : $"第{scheme.Version}版";

    private static IEnumerable<IReadOnlyList<string>> SchemeRows(ScoringScheme s, AssessmentResult result)
    {
        yield return ["考核期间", $"{result.PeriodLabel()}，截至 {result.AsOf:yyyy-MM-dd}" + (result.Closed ? "（已确定）" : "（未确定）")];
        yield return ["评分办法", $"{result.Year}年 {SchemeLabel(s)}"];
        foreach (var w in s.KindWeights) yield return [$"权重：{ChineseLabels.Of(w.Kind)}", w.Weight.ToString(CultureInfo.InvariantCulture)];
        foreach (var w in s.SourceWeights) yield return [$"权重：{ChineseLabels.Of(w.Source)}", w.Weight.ToString(CultureInfo.InvariantCulture)];
        yield return ["时效分", TaskScoring.Points(s.TimelinessPoints)];
        yield return ["逾期扣分", $"{ChineseLabels.Of(s.LateUnit)}，每{(s.LateUnit == LateUnit.Day ? "天" : "周")} {TaskScoring.Points(s.LateDeduction)} 分"];
        yield return ["完成效果", $"优秀 {TaskScoring.Points(s.ExcellentPoints)}，良好 {TaskScoring.Points(s.GoodPoints)}，合格 {TaskScoring.Points(s.PassPoints)}，不合格 {TaskScoring.Points(s.FailPoints)}"];
        yield return ["问责扣分", TaskScoring.Points(s.AccountabilityDeduction)];
        yield return ["合格线 / 表扬线", $"{TaskScoring.Points(s.PassLine)} / {TaskScoring.Points(s.CommendationLine)}"];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
