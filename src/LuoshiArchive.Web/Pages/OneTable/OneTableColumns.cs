namespace LuoshiArchive.Web.Pages.OneTable;

/// <summary>
/// How each one-table column is laid out on screen (site.css): codes, dates, numbers and status on one line, never
/// broken inside; names and short lists at least a few characters wide; long texts wide enough for a phrase a line.
/// </summary>
public static class OneTableColumns
{
    private static readonly HashSet<string> Tokens = ["序号", "任务编号", "年度", "完成时限", "佐证材料(件数)", "状态"];
    private static readonly HashSet<string> Short = ["清单类别", "任务来源", "牵头处室", "配合处室", "责任人", "分管委领导"];

    public static string ClassOf(string column) => column switch
    {
        "任务名称" => "col-name",
        "时间节点" => "col-milestones",
        _ when Tokens.Contains(column) => "col-token",
        _ when Short.Contains(column) => "col-short",
        _ => "col-text",
    };
}
