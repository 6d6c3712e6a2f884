using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Tests;

/// <summary>
/// A real store in a throwaway folder (LiteDB file, blob folder, Lucene index), with the services wired to a clock
/// the test controls, and the text extractor running as its own process as in production.
/// </summary>
public sealed class TempStorage : IDisposable
{
    public TempStorage(DateOnly today)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "luoshi-test-" + Guid.NewGuid().ToString("N"));
        Clock = new TestClock(today);
        Open();
    }

    public string Path { get; }
    public TestClock Clock { get; }
    public ILuoshiStore Store { get; private set; } = null!;
    /// <summary>The one audit trail every service records in, keyed with the store's key (beside the folder).</summary>
    public Core.Audit.AuditLog Audit { get; private set; } = null!;
    public OrganisationDirectory Directory { get; private set; } = null!;
    public TaskRegistry Tasks { get; private set; } = null!;
    /// <summary>Who reads which task, with departments open (the option's default).</summary>
    public ReadAccess Reading { get; private set; } = null!;
    public AccountService Accounts { get; private set; } = null!;
    public EvidenceIndex Index { get; private set; } = null!;
    public EvidenceIndexing Indexing { get; private set; } = null!;
    public DossierService Dossiers { get; private set; } = null!;
    public Core.Meetings.MeetingRegister Meetings { get; private set; } = null!;
    public Core.Meetings.CadenceCheck Cadence { get; private set; } = null!;
    public Core.Incoming.IncomingRegister Incoming { get; private set; } = null!;
    /// <summary>The options the cadence check reads (<see cref="LuoshiOptions.MeetingCadenceFrom"/>), changeable by a test.</summary>
    public LuoshiOptions CadenceOptions { get; } = new();
    public Core.OfficialDocuments.DocumentNumberRegister Numbers { get; private set; } = null!;
    public Core.OfficialDocuments.OfficialDocumentService Documents { get; private set; } = null!;
    public Core.OfficialDocuments.DocumentSigning Signing { get; private set; } = null!;
    /// <summary>督办单: where an issued 通报批评 opens its rectification orders.</summary>
    public Core.Supervision.SupervisionService Supervision { get; private set; } = null!;
    /// <summary>Converters given to the documents service (none by default: no PDF rendition, fast).</summary>
    public ConverterPaths DocumentConverters { get; set; } = ConverterPaths.None;
    private bool _open;
    private IsolatedTextExtractor? _extractor;

    private void Open()
    {
        Store = TestDatabase.Open(Path);
        Audit = new Core.Audit.AuditLog(Store, Clock,
            Core.Audit.AuditKey.ForStore(new LuoshiOptions { StoragePath = Path }, Store));
        Directory = new OrganisationDirectory(Store, Audit);
        Tasks = new TaskRegistry(Store, Directory, Clock, Audit);
        Reading = new ReadAccess(new LuoshiOptions { StoragePath = Path }, Tasks);
        Accounts = new AccountService(Store, Clock, Audit);
        var blobs = new BlobStore(Path);
        Index = new EvidenceIndex(System.IO.Path.Combine(Path, "index"));
        _extractor = new IsolatedTextExtractor(new ExtractionLimits(), ConverterPaths.None);
        Indexing = new EvidenceIndexing(Store, blobs, Index, Directory);
        Dossiers = new DossierService(Store, blobs, Index, _extractor, Tasks,
            Indexing, Clock, new LuoshiOptions { StoragePath = Path },
            Reading, Audit);
        Meetings = new Core.Meetings.MeetingRegister(Store, Tasks, Dossiers, Clock,
            new LuoshiOptions { StoragePath = Path }, Reading, Audit);
        Incoming = new Core.Incoming.IncomingRegister(Store, Tasks, Dossiers, Directory, Reading, Audit, Clock);
        Cadence = new Core.Meetings.CadenceCheck(Meetings, Directory, Store, CadenceOptions, Clock);
        var options = new LuoshiOptions { StoragePath = Path };
        var templates = new Core.OfficialDocuments.DocumentTemplates(options);
        Numbers = new Core.OfficialDocuments.DocumentNumberRegister(Store, Clock, Audit);
        Signing = new Core.OfficialDocuments.DocumentSigning(Store, Clock, Audit);
        Supervision = new Core.Supervision.SupervisionService(Store, Tasks,
            new Core.Supervision.ProgressLog(Store, Tasks, Dossiers, Clock, Audit), Directory, options, Reading, Audit);
        Documents = new Core.OfficialDocuments.OfficialDocumentService(Store, Tasks, Dossiers, Numbers,
            new Core.OfficialDocuments.Drafting(templates, Directory, options), templates, DocumentConverters, Clock, options,
            new Core.Supervision.RectificationOrders(Supervision), Audit);
        _open = true;
    }

    /// <summary>
    /// A draft taken through 送核稿 and 核稿 by the office and 签发 by a leader, for tests about issuing itself (the
    /// steps' own rules are tested in OfficialDocuments/SigningTests).
    /// </summary>
    public Core.OfficialDocuments.OfficialDocument SignedOff(int documentId)
    {
        var office = new Core.Accounts.Actor("办公室核稿", Core.Accounts.UserRole.OfficeSupervisor);
        Signing.Submit(documentId, office);
        Signing.Review(documentId, "", office);
        return Signing.SignOff(documentId, "同意印发。", new Core.Accounts.Actor("委领导", Core.Accounts.UserRole.Leader));
    }

    /// <summary>Closes everything, as stopping the app would.</summary>
    public void Close()
    {
        if (!_open) return;
        _extractor?.Dispose();
        Indexing.Dispose();
        Index.Dispose();
        Store.Dispose();
        _open = false;
    }

    /// <summary>Closes and reopens the store, as a restart of the app would.</summary>
    public void Reopen()
    {
        Close();
        Open();
    }

    public void Dispose()
    {
        Close();
        TestDatabase.Drop(Path);
        try { System.IO.Directory.Delete(Path, recursive: true); } catch (IOException) { }
        File.Delete(new LuoshiOptions { StoragePath = Path }.AuditKeyFile);
    }
}
