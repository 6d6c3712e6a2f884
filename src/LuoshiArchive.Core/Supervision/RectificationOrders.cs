using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// An issued 通报批评 demands rectification by a date: for each task it names, a supervision order (督办单) to the
/// task's lead department, citing the circular's number, due on the reply date.
/// </summary>
public sealed class RectificationOrders(SupervisionService supervision) : IRectificationOrders
{
    public int Open(OfficialDocument criticism, KeyTask task, Actor actor) =>
        supervision.Issue(new SupervisionOrderDraft
        {
            TaskCode = task.Code,
            What = $"按照《{criticism.Title}》（{criticism.Number}）的要求，查找原因、落实整改，补齐佐证材料，并报送整改情况。",
            Due = criticism.ReplyDue ?? DateOnly.FromDateTime(DateTime.Today).AddDays(15),
            HowToReply = "请在落实档案系统中填报整改进展并回复本督办单，同时上传整改佐证材料。",
            SourceDocument = criticism.Number,
        }, actor).Id;
}
