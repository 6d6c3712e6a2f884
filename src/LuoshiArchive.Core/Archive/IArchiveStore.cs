using LuoshiArchive.Core.Assessment;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Core.Archive;

/// <summary>What the annual bundle reads and restores: the records of a whole year.</summary>
public interface IArchiveStore : IMeetingStore, IDocumentStore, ISupervisionStore, IAssessmentStore, IEvidenceStore
{
    /// <summary>Settings an administrator keeps in the web UI (全宗号), one record with id 1.</summary>
    IRecords<ArchiveSettingsRecord> ArchiveSettings { get; }
}
