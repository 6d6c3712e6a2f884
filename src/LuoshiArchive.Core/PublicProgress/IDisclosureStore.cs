using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.PublicProgress;

/// <summary>
/// The records of public disclosure (向社会公布): which tasks are public, their wording, the catalogue's metadata.
/// </summary>
public interface IDisclosureStore : ITaskStore
{
    /// <summary>
    /// A task's public disclosure: its public progress wording and 索引号, one per task (unique by task id).
    /// </summary>
    IRecords<PublicTask> PublicTasks { get; }

    /// <summary>The commission's disclosure metadata (索引号 prefix, 主题分类, 公开属性), one record with id 1.</summary>
    IRecords<DisclosureSettings> DisclosureSettings { get; }
}
