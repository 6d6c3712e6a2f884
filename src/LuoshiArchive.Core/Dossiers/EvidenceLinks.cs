namespace LuoshiArchive.Core.Dossiers;

/// <summary>What the task registry asks of the dossiers (<see cref="Tasks.ITaskStore"/>), computed alike by every engine.</summary>
public static class EvidenceLinks
{
    /// <summary>Pieces of evidence filed in each task's dossier, by task id.</summary>
    public static Dictionary<int, int> CountByTask(IEnumerable<Evidence> live) =>
        live.SelectMany(e => e.Links.Select(l => l.TaskId).Distinct()).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Whether <paramref name="evidence"/> exists, is not removed, and is filed in the task's dossier.</summary>
    public static bool IsFiledIn(Evidence? evidence, int taskId) => evidence is { IsRemoved: false } && evidence.IsFiledIn(taskId);
}
