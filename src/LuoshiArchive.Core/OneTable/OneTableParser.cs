using System.Globalization;
using System.Text.RegularExpressions;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.OneTable;

/// <summary>
/// Reads one-table rows into task drafts, checking every cell and collecting every problem with its row number,
/// so a user fixes the whole spreadsheet in one pass. Touches nothing in the store.
/// </summary>
internal static partial class OneTableParser
{
    private static readonly string[] RequiredColumns = ["任务名称", "清单类别", "任务来源"];

    internal sealed record ParsedRow(int RowNumber, TaskDraft Draft, string LeadDepartment,
        IReadOnlyList<string> CooperatingDepartments, string ResponsiblePerson, string SupervisingLeader);

    internal sealed record Parsed(IReadOnlyList<ParsedRow> Rows, IReadOnlyList<OneTableImportProblem> Problems);

    public static Parsed Parse(IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> sheet, TaskRegistry tasks)
    {
        var problems = new List<OneTableImportProblem>();
        // The header is the first row naming the required columns; a title row above it is allowed.
        var headerIndex = sheet.Take(10).ToList().FindIndex(r => RequiredColumns.All(c => r.Cells.Values.Contains(c)));
        if (headerIndex < 0)
            return new Parsed([], [new(0, "", "没有找到表头行：表头须包含“" + string.Join("”“", RequiredColumns) + "”等列（可先导出一份一览表作为模板）。")]);
        var columns = sheet[headerIndex].Cells.GroupBy(c => c.Value).ToDictionary(g => g.Key, g => g.First().Key);

        var rows = new List<ParsedRow>();
        var codesInFile = new Dictionary<string, int>();
        foreach (var (rowNumber, cells) in sheet.Skip(headerIndex + 1))
        {
            string Cell(string column) => columns.TryGetValue(column, out var i) && cells.TryGetValue(i, out var v) ? v.Trim() : "";
            if (OneTableRow.Columns.All(c => c is "序号" or "佐证材料(件数)" || Cell(c).Length == 0)) continue;
            void Problem(string column, string message) => problems.Add(new(rowNumber, column, message));

            var draft = new TaskDraft
            {
                Name = Cell("任务名称"), SourceDetail = "", Target = Cell("目标任务"), Standard = Cell("工作标准"),
                Measures = Cell("工作措施"), ExpectedOutcomes = Cell("预期成果"), ProgressSummary = Cell("进展情况"),
                Remarks = Cell("备注"),
            };
            if (draft.Name.Length == 0) Problem("任务名称", "任务名称不能为空。");
            else if (draft.Name.Length > 200) Problem("任务名称", "任务名称不能超过200字。");

            var code = Cell("任务编号");
            if (code.Length > 0)
            {
                if (!CodePattern().IsMatch(code)) Problem("任务编号", $"“{code}”不是有效的任务编号（只能由字母、数字和“-”组成）。");
                else if (codesInFile.TryGetValue(code, out var firstRow)) Problem("任务编号", $"“{code}”与第{firstRow}行重复。");
                else if (tasks.Find(code) is not null) Problem("任务编号", $"“{code}”在系统中已存在（导入不会覆盖已有任务）。");
                codesInFile.TryAdd(code, rowNumber);
                draft.Code = code;
            }

            Parse<TaskListKind>(Cell("清单类别"), "清单类别", required: true, v => draft.ListKind = v, Problem);
            Parse<TaskSource>(Cell("任务来源"), "任务来源", required: true, v => draft.Source = v, Problem);
            Parse<KeyTaskStatus>(Cell("状态"), "状态", required: false, v => draft.Status = v, Problem);
            if (!TaskRegistry.IsOpeningStatus(draft.Status))
                Problem("状态", $"“{Cell("状态")}”不能通过导入设置。" + TaskRegistry.StatusRule +
                    "整年迁移（保留办结和撤销记录）请用 luoshi bundle export / bundle import。");

            var deadlineText = Cell("完成时限");
            if (deadlineText.Length > 0)
            {
                if (OneTableDates.TryParse(deadlineText, out var deadline)) draft.Deadline = deadline;
                else Problem("完成时限", $"“{deadlineText}”不是有效日期（例如 2018-12-31 或 2018年12月31日）。");
            }
            draft.Milestones = ParseMilestones(Cell("时间节点"), Problem);

            var yearText = Cell("年度");
            if (yearText.Length > 0)
            {
                if (int.TryParse(yearText, out var year) && year is >= 2000 and <= 2100) draft.Year = year;
                else Problem("年度", $"“{yearText}”不是有效年度（2000至2100之间的四位数）。");
            }
            else if (draft.Deadline is { } d) draft.Year = d.Year;
            else Problem("年度", "缺少年度：请填写“年度”列或“完成时限”。");

            rows.Add(new ParsedRow(rowNumber, draft, Cell("牵头处室"), SplitNames(Cell("配合处室")), Cell("责任人"), Cell("分管委领导")));
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add(new(0, "", "表头下没有任务行，未导入任何内容。"));
        return new Parsed(rows, problems);
    }

    private static void Parse<T>(string text, string column, bool required, Action<T> set, Action<string, string> problem)
        where T : struct, Enum
    {
        if (text.Length == 0)
        {
            if (required) problem(column, $"{column}不能为空，应为：{string.Join("、", ChineseLabels.All<T>())}。");
            return;
        }
        if (ChineseLabels.Parse<T>(text) is { } value) set(value);
        else problem(column, $"“{text}”不是有效的{column}，应为：{string.Join("、", ChineseLabels.All<T>())}。");
    }

    /// <summary>One milestone a line: "2018-03-31 完成方案制定", optionally ending in "[已完成]".</summary>
    private static List<Milestone> ParseMilestones(string text, Action<string, string> problem)
    {
        var milestones = new List<Milestone>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = MilestonePattern().Match(line);
            if (!match.Success || !OneTableDates.TryParse(match.Groups["date"].Value, out var due))
            {
                problem("时间节点", $"“{line}”应写成“日期 节点内容”，例如“2018-03-31 完成方案制定”。");
                continue;
            }
            var done = match.Groups["done"].Success;
            milestones.Add(new Milestone { Due = due, Description = match.Groups["text"].Value.Trim(), Done = done, DoneOn = done ? due : null });
        }
        return milestones;
    }

    private static List<string> SplitNames(string text) =>
        text.Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().ToList();

    [GeneratedRegex(@"^(?<date>\S+)\s+(?<text>.+?)(?<done>\s*\[已完成\])?$")]
    private static partial Regex MilestonePattern();

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex CodePattern();
}
