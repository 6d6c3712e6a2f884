using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Core.Archive;

/// <summary>One 件 of the 归档文件目录: its 档号 and the DA/T 22 columns.</summary>
public sealed record CatalogueEntry(int Number, string ArchiveCode, Evidence Evidence, string DepartmentCode, string Retention)
{
    public static readonly IReadOnlyList<string> Columns = ["序号", "档号", "文号", "责任者", "题名", "日期", "页数", "密级", "备注"];

    public IReadOnlyList<string> Cells() =>
    [
        Number.ToString(System.Globalization.CultureInfo.InvariantCulture), ArchiveCode, Evidence.Number, Evidence.Author,
        Evidence.Title, Evidence.Date?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Evidence.PageCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", "", Evidence.NoTextRead ? "未能读取文字" : "",
    ];
}
