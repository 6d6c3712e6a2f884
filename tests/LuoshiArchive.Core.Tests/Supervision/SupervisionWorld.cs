using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

/// <summary>
/// A commission in a temp store for the supervision tests: two departments, a supervising leader, and three tasks of
/// 2018 with milestones; the supervision services wired on the store's test clock; actors of each role.
/// </summary>
public sealed class SupervisionWorld : IDisposable
{
    public SupervisionWorld(DateOnly today)
    {
        Storage = new TempStorage(today);
        Office = Storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        Basic = Storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        Leader = Storage.Directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader, Title = "副主任" });
        var options = new LuoshiOptions { StoragePath = Storage.Path };
        Progress = new ProgressLog(Storage.Store, Storage.Tasks, Storage.Dossiers, Storage.Clock, Storage.Audit);
        Supervision = new SupervisionService(Storage.Store, Storage.Tasks, Progress, Storage.Directory, options,
            Storage.Reading, Storage.Audit);
        Kept = new KeptFiles(new BlobStore(Storage.Path));
        SelfChecks = new SelfCheckService(Storage.Store, Storage.Tasks, Progress, Storage.Directory, Storage.Clock,
            Storage.Reading, Storage.Audit, Kept);
        Reconciliation = new ReconciliationService(Storage.Store, Storage.Tasks, Progress, Storage.Clock);
        ClosedReconciliations = new ReconciliationRecords(Storage.Store, Reconciliation, Storage.Tasks, Kept,
            Storage.Clock, Storage.Audit, options);
        LeaderReports = new LeaderReportService(Storage.Store, Storage.Tasks, Progress, SelfChecks, Storage.Directory,
            Storage.Clock, Storage.Audit, Kept);
        Reminders = new Reminders(Storage.Store, Storage.Tasks, Storage.Directory);
        Dashboard = new Dashboard(Storage.Store, Storage.Tasks, Progress, Storage.Directory, Storage.Reading,
            Storage.Incoming);
        OfficeClerk = new Actor("办公室孙丽娜", UserRole.DepartmentUser, Office.Id);
        BasicClerk = new Actor("基教处卫芳", UserRole.DepartmentUser, Basic.Id);
    }

    public TempStorage Storage { get; }
    public TestClock Clock => Storage.Clock;
    public Department Office { get; }
    public Department Basic { get; }
    public Person Leader { get; }
    public ProgressLog Progress { get; }
    public SupervisionService Supervision { get; }
    public SelfCheckService SelfChecks { get; }
    public ReconciliationService Reconciliation { get; }
    /// <summary>Closed reconciliations (对账 kept as records).</summary>
    public ReconciliationRecords ClosedReconciliations { get; }
    /// <summary>Generated files kept as blobs in the world's storage folder.</summary>
    public KeptFiles Kept { get; }
    public LeaderReportService LeaderReports { get; }
    public Reminders Reminders { get; }
    public Dashboard Dashboard { get; }

    public Actor OfficeClerk { get; }
    public Actor BasicClerk { get; }
    public Actor Supervisor { get; } = new("督查科李明", UserRole.OfficeSupervisor);
    /// <summary>The leader account linked to <see cref="Leader"/> (its own area and quarterly report).</summary>
    public Actor LeaderActor => new("委领导王建国", UserRole.Leader, Account: "wangjianguo", PersonId: Leader.Id);

    /// <summary>A task of 2018 led by <paramref name="department"/>, under the world's leader, with dated milestones.</summary>
    public KeyTask Task(string name, Department department, DateOnly deadline, params (DateOnly Due, string What)[] milestones) =>
        Storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = name, Target = name + "目标", Standard = "按期完成", LeadDepartmentId = department.Id,
            SupervisingLeaderId = Leader.Id, Deadline = deadline, Status = KeyTaskStatus.InProgress, AddedOn = new DateOnly(2018, 1, 1),
            Milestones = milestones.Select(m => new Milestone { Due = m.Due, Description = m.What }).ToList(),
        }, Actor.Console("办公室"));

    public Task<ProgressEntry> Report(KeyTask task, DateOnly date, string text, Actor? actor = null, string problems = "", string next = "",
        int? completion = null, params IncomingFile[] files) =>
        Progress.AddAsync(task.Code, new ProgressDraft { Date = date, Text = text, Problems = problems, NextSteps = next, Completion = completion },
            files, actor ?? OfficeClerkFor(task));

    private Actor OfficeClerkFor(KeyTask task) => task.LeadDepartmentId == Basic.Id ? BasicClerk : OfficeClerk;

    public static IncomingFile File(string name, string text) => new(name, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Validates a DOCX against the Office schema and returns its body text, paragraph by paragraph.</summary>
    public static string ValidDocxText(MemoryStream docx)
    {
        docx.Position = 0;
        using var document = WordprocessingDocument.Open(docx, false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var xml = document.MainDocumentPart!.Document.OuterXml;
        Assert.Contains("w:w=\"11906\" w:h=\"16838\"", xml);
        Assert.Contains("w:linePitch=\"579\"", xml);
        return string.Join("\n", document.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText));
    }

    public void Dispose() => Storage.Dispose();
}
