using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.OneTable;

/// <summary>
/// What a one-table export says about itself: the title row of the sheet (year, list kind and the other filters in
/// words) and the download's file name, both following the filter and the view so two exports are told apart.
/// </summary>
public sealed record OneTableCaption(string Title, string FileName)
{
    private const string TableName = "工作落实清单一览表";

    public static OneTableCaption For(TaskFilter filter, OneTableView view, OrganisationDirectory directory)
    {
        var year = filter.Year is { } y ? $"{y}年" : "";
        var kind = filter.ListKind is { } k ? ChineseLabels.Of(k) : null;
        var department = filter.LeadDepartmentId is { } d ? directory.DepartmentName(d) : null;
        var leader = filter.SupervisingLeaderId is { } l ? directory.PersonName(l) : null;
        var status = filter.Status is { } s ? ChineseLabels.Of(s) : null;
        var viewName = view == OneTableView.Leaves ? "仅末级任务" : "树形";

        var conditions = new List<string>();
        if (department is { Length: > 0 }) conditions.Add("牵头处室：" + department);
        if (leader is { Length: > 0 }) conditions.Add("分管委领导：" + leader);
        if (status is not null) conditions.Add("状态：" + status);
        conditions.Add(view == OneTableView.Leaves ? "仅末级任务" : "树形（上级任务及其子任务）");
        var title = $"{year}{kind ?? "全委重点任务"}一览表\n（{string.Join("；", conditions)}）";

        var parts = new[] { TableName, filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), kind,
            department, leader, status, viewName };
        var fileName = string.Join("-", parts.Where(p => p is { Length: > 0 }).Select(SafeForFileName)) + ".xlsx";
        return new OneTableCaption(title, fileName);
    }

    // A department's name is typed by an administrator: keep it from naming a folder or breaking the header.
    private static string SafeForFileName(string? part) =>
        new(part!.Select(c => Path.GetInvalidFileNameChars().Contains(c) || "\\/:*?\"<>|".Contains(c) ? '_' : c)
            .ToArray());
}
