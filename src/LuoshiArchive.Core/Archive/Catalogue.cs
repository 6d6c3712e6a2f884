using System.Globalization;
using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Builds the 归档文件目录 of a year: every piece of evidence once, classed 年度 → 保管期限 → 机构, 件号 restarting at
/// 0001 in each class, 档号 = 全宗号-WS·年度-保管期限-机构代码-件号 (e.g. 0194-WS·2018-D30-BGS-0001).
/// </summary>
public static class Catalogue
{
    public static IReadOnlyList<CatalogueEntry> Build(int year, string fondsNumber, IEnumerable<(Evidence Evidence, string DepartmentCode)> items)
    {
        var entries = new List<CatalogueEntry>();
        var classes = items
            .Select(i => (i.Evidence, Department: string.IsNullOrWhiteSpace(i.DepartmentCode) ? "QT" : i.DepartmentCode, Retention: Retention.Of(i.Evidence)))
            .GroupBy(i => (i.Retention, i.Department))
            .OrderBy(g => RetentionOrder(g.Key.Retention)).ThenBy(g => g.Key.Department, StringComparer.Ordinal);
        foreach (var group in classes)
        {
            var itemNumber = 0;
            foreach (var (evidence, department, retention) in group.OrderBy(i => i.Evidence.Date ?? DateOnly.MaxValue).ThenBy(i => i.Evidence.Id))
            {
                itemNumber++;
                var code = string.Create(CultureInfo.InvariantCulture, $"{fondsNumber}-WS·{year}-{retention}-{department}-{itemNumber:0000}");
                entries.Add(new CatalogueEntry(entries.Count + 1, code, evidence, department, retention));
            }
        }
        return entries;
    }

    private static int RetentionOrder(string retention) => retention switch { "Y" => 0, "D30" => 1, _ => 2 };
}
