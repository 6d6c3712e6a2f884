using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests;

/// <summary>
/// Fixtures that need a task already completed or cancelled, for tests about something else (dashboards, reminders,
/// commendations): only the status is written to the store (no 办结 record, as a task restored from before issue 21). The rules of
/// those steps themselves are tested in Tasks/ClosingTests through <see cref="TaskRegistry"/>.
/// </summary>
public static class Settled
{
    public static KeyTask As(ITaskStore store, string code, KeyTaskStatus status)
    {
        var task = store.Tasks.FindOne(t => t.Code == code)!;
        task.Status = status;
        store.Tasks.Update(task);
        return task;
    }
}
