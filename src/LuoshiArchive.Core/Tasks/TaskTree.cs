namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// Tasks arranged as their decomposition tree (细化分解): the order the one-table view and the task page list them
/// in, and the roll-up a parent shows of what lies below it.
/// </summary>
public static class TaskTree
{
    /// <summary>The roll-up rule, said the same way in the docs and on the page.</summary>
    public const string RollupRule =
        "上级任务的灯取它自己和全部下级子任务（各层）中最严重的一个：任一子任务红灯（逾期），上级任务即显示红灯；否则任一黄灯（预警）即黄灯。" +
        "已办结、已撤销、已暂缓的子任务不亮灯。逾期统计、催办和考核仍按每项任务自己的完成时限和节点计算，不因子任务重复计入上级任务。";

    /// <summary>Tasks by year, then code compared part by part, numbers as numbers ("2018-007-2" before "2018-007-10").</summary>
    public static IEnumerable<KeyTask> InCodeOrder(IEnumerable<KeyTask> tasks) =>
        tasks.OrderBy(t => t.Year).ThenBy(t => t.Code, CodeComparer.Instance);

    /// <summary>
    /// The items in tree order (each parent followed by its children, depth first) with each one's depth among the
    /// shown items: an item whose parent is not shown (filtered out, or not the reader's) stands at the top level.
    /// </summary>
    public static IReadOnlyList<(T Item, int Depth)> Arrange<T>(IEnumerable<T> items, Func<T, KeyTask> task)
    {
        var list = items.ToList();
        var shown = list.ToDictionary(i => task(i).Id);
        var children = list.Where(i => task(i).ParentId is { } p && shown.ContainsKey(p))
            .ToLookup(i => task(i).ParentId!.Value);
        var result = new List<(T, int)>();
        var placed = new HashSet<int>();
        void Place(T item, int depth)
        {
            if (!placed.Add(task(item).Id)) return;
            result.Add((item, depth));
            foreach (var child in Sorted(children[task(item).Id], task)) Place(child, depth + 1);
        }
        foreach (var root in Sorted(list.Where(i => task(i).ParentId is not { } p || !shown.ContainsKey(p)), task))
            Place(root, 0);
        // A cycle written by hand into a store has no root: its tasks still show, at the top level.
        foreach (var rest in Sorted(list.Where(i => !placed.Contains(task(i).Id)), task)) Place(rest, 0);
        return result;
    }

    /// <summary>The items whose task is not among <paramref name="parentIds"/> (the leaves of the tree).</summary>
    public static IEnumerable<T> Leaves<T>(IEnumerable<T> items, Func<T, KeyTask> task, IReadOnlySet<int> parentIds) =>
        items.Where(i => !parentIds.Contains(task(i).Id));

    /// <summary>Every task's roll-up (only tasks with children have one), computed from all tasks at once.</summary>
    public static Dictionary<int, TaskRollup> Rollups(IReadOnlyCollection<KeyTask> all, DateOnly today)
    {
        var children = all.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        var result = new Dictionary<int, TaskRollup>();
        TrafficLight Worst(KeyTask task, HashSet<int> path)
        {
            var light = task.LightOn(today);
            foreach (var child in children[task.Id].Where(c => path.Add(c.Id)))
            {
                var below = Worst(child, path);
                if (below > light) light = below;
            }
            return light;
        }
        foreach (var parent in all.Where(t => children[t.Id].Any()))
        {
            var direct = children[parent.Id].Where(c => c.Status != KeyTaskStatus.Cancelled).ToList();
            var reds = new List<string>();
            foreach (var child in InCodeOrder(children[parent.Id]))
                if (Worst(child, [parent.Id, child.Id]) == TrafficLight.Red) reds.Add(child.Code);
            var own = parent.LightOn(today);
            var lightBelow = children[parent.Id].Select(c => Worst(c, [parent.Id, c.Id])).DefaultIfEmpty().Max();
            result[parent.Id] = new TaskRollup(direct.Count, direct.Count(c => c.Status == KeyTaskStatus.Completed),
                direct.Count(c => c.Status == KeyTaskStatus.InProgress), own > lightBelow ? own : lightBelow, reds);
        }
        return result;
    }

    private static IEnumerable<T> Sorted<T>(IEnumerable<T> items, Func<T, KeyTask> task) =>
        items.OrderBy(i => task(i).Year).ThenBy(i => task(i).Code, CodeComparer.Instance);

    /// <summary>Compares codes part by part ("-"), numeric parts as numbers.</summary>
    private sealed class CodeComparer : IComparer<string>
    {
        public static readonly CodeComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('-');
            var b = (y ?? "").Split('-');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = long.TryParse(a[i], out var m) && long.TryParse(b[i], out var n)
                    ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0) return c;
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}

/// <summary>
/// What a parent shows of its children: how many (cancelled ones not counted), how many 已完成 and 推进中, the light of
/// the whole tree below and including it (<see cref="TaskTree.RollupRule"/>), and which direct children are red.
/// </summary>
public sealed record TaskRollup(int Children, int Completed, int InProgress, TrafficLight Light,
    IReadOnlyList<string> RedChildren)
{
    /// <summary>"子任务 3 项：已办结 1 项，推进中 1 项".</summary>
    public string Progress => $"子任务 {Children} 项：已办结 {Completed} 项，推进中 {InProgress} 项，" +
                              $"未启动或暂缓 {Children - Completed - InProgress} 项";
}
