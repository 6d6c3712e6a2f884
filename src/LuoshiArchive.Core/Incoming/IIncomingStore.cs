using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Incoming;

/// <summary>The records of the 收文 and 批示 register (来文来件).</summary>
public interface IIncomingStore : IEvidenceStore
{
    /// <summary>Received items with their 拟办意见, 批示, tasks and result.</summary>
    IRecords<IncomingItem> IncomingItems { get; }
}
