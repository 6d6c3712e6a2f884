using LuoshiArchive.Core.Spreadsheets;

namespace LuoshiArchive.Core.PublicProgress;

/// <summary>
/// The public tasks of a year as an XLSX sheet for the government website's CMS (政府网站内容管理系统): one row per task
/// with the catalogue's columns (索引号, 主题分类, 公开属性, 发布机构) and the public fields only.
/// </summary>
public static class PublicSheet
{
    public static readonly IReadOnlyList<string> Header =
        ["索引号", "主题分类", "公开属性", "发布机构", "任务编号", "任务名称", "目标任务", "完成时限", "状态", "最新进展", "进展日期"];

    public static void Write(Stream output, int year, IReadOnlyList<PublicItem> items, string publisher) =>
        SheetWriter.Write(output, $"{year}年重大事项进展", Header,
            items.Select(i => (IReadOnlyList<string>)
            [
                i.IndexNumber, i.Theme, i.Attribute, publisher, i.Code, i.Name, i.Target,
                i.Deadline?.ToString("yyyy-MM-dd") ?? "", i.Status, i.Progress, i.ProgressDate.ToString("yyyy-MM-dd"),
            ]),
            [22, 18, 10, 18, 10, 30, 40, 11, 8, 50, 11],
            $"{publisher}{year}年重大事项进展情况（向社会公布）");
}
