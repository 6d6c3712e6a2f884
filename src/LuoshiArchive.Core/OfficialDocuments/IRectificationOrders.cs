using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// What happens when a 通报批评 is issued: its rectification requirement becomes a supervision order per task.
/// Implemented by Supervision (which builds on documents), so documents need not know supervision.
/// </summary>
public interface IRectificationOrders
{
    /// <summary>Opens the order for <paramref name="task"/> named in the issued <paramref name="criticism"/>; its id.</summary>
    int Open(OfficialDocument criticism, KeyTask task, Actor actor);
}
