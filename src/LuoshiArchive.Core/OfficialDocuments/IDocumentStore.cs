using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>The records of official documents (公文) and the 发文字号 register.</summary>
public interface IDocumentStore : ITaskStore
{
    /// <summary>Drafts and issued documents.</summary>
    IRecords<OfficialDocument> Documents { get; }

    /// <summary>Every number given out, unique by number text; voided ones stay.</summary>
    IRecords<NumberAllocation> DocumentNumbers { get; }
}
