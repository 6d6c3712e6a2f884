using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Meetings;

/// <summary>The records of the meeting register (会议台账).</summary>
public interface IMeetingStore : ITaskStore
{
    /// <summary>Meetings with their agenda and decisions.</summary>
    IRecords<Meeting> Meetings { get; }
}
