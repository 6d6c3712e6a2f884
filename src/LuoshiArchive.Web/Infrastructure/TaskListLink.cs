using System.Globalization;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// The task list's URL for a <see cref="TaskFilter"/>: the dashboard's numbers link to the tasks behind them with it,
/// and /Tasks reads the same query parameters back.
/// </summary>
public static class TaskListLink
{
    public static string For(TaskFilter filter)
    {
        var query = new List<string>();
        void Add(string name, object? value)
        {
            if (value is null) return;
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (!string.IsNullOrEmpty(text)) query.Add(name + "=" + Uri.EscapeDataString(text));
        }
        Add("year", filter.Year);
        Add("listKind", filter.ListKind);
        Add("source", filter.Source);
        Add("department", filter.LeadDepartmentId);
        Add("leader", filter.SupervisingLeaderId);
        Add("status", filter.Status);
        Add("light", filter.Light);
        Add("q", filter.Text);
        Add("dueMonth", filter.MilestoneDueMonth);
        Add("doneMonth", filter.MilestoneDoneMonth);
        // An empty list of codes means "no task": it must stay in the link, or the link would list every task.
        if (filter.Codes is { } codes) query.Add("codes=" + Uri.EscapeDataString(codes.Count == 0 ? "-" : string.Join(",", codes)));
        return "/Tasks" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>Reads the <c>codes</c> parameter back: comma-separated codes; "-" for none.</summary>
    public static IReadOnlyList<string>? Codes(string? codes) =>
        codes is null ? null : codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c != "-").ToList();
}
