using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.PublicProgress;

/// <summary>
/// What the public reads: the tasks marked public, by year, each with only its public fields and the catalogue's
/// metadata (<see cref="PublicItem"/>). The public page, the feeds and the CMS sheet all read from here, so none of
/// them can show more than another.
/// </summary>
public sealed class PublicCatalogue(IDisclosureStore store)
{
    /// <summary>The years that have a public task, newest first.</summary>
    public IReadOnlyList<int> Years() => Items().Select(i => i.Year).Distinct().OrderDescending().ToList();

    /// <summary>The public tasks of <paramref name="year"/>, by code.</summary>
    public IReadOnlyList<PublicItem> Year(int year) => Items().Where(i => i.Year == year).ToList();

    /// <summary>
    /// The public tasks whose public progress changed last first (the feeds), at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<PublicItem> Latest(int limit = 50) =>
        Items().OrderByDescending(i => i.ChangedAt).ThenBy(i => i.Code, StringComparer.Ordinal).Take(limit).ToList();

    private List<PublicItem> Items()
    {
        var settings = store.DisclosureSettings.FindById(1) ?? new DisclosureSettings();
        var items = new List<PublicItem>();
        foreach (var record in store.PublicTasks.Find(p => p.IsPublic))
        {
            if (store.Tasks.FindById(record.TaskId) is not { } task) continue;
            items.Add(new PublicItem(task.Code, task.Year, task.Name, ChineseLabels.Of(task.Status), task.Target,
                task.Deadline, record.Wording, record.WordedOn, record.ChangedAt,
                settings.IndexNumber(record.IndexYear, record.IndexSequence), settings.Theme, settings.Attribute));
        }
        return items.OrderBy(i => i.Year).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
    }
}
