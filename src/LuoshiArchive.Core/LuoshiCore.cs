using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Inspection;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Text;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Core;

/// <summary>Registers the Core services; the web app and the CLI both call this, so they are wired alike.</summary>
public static class LuoshiCore
{
    /// <summary>
    /// Adds the clock and the domain services. The store comes from an engine project (<c>AddLiteDbStore</c>), which
    /// registers it with <see cref="AddLuoshiStore"/>.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="options">Resolved options; <see cref="LuoshiOptions.StoragePath"/> must be absolute.</param>
    public static IServiceCollection AddLuoshiCore(this IServiceCollection services, LuoshiOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(p => Audit.AuditKey.ForStore(options, p.GetRequiredService<Audit.IAuditStore>()));
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<OrganisationDirectory>();
        services.AddSingleton<TaskRegistry>();
        services.AddSingleton<ReadAccess>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<OneTable.OneTableService>();
        services.AddSingleton<IBlobStore>(_ => new BlobStore(options.StoragePath));
        // A shared store lets several processes run at once: each must write an index folder of its own.
        services.AddSingleton(_ => options.OnPostgres
            ? EvidenceIndex.OpenOwn(options.IndexFolder) : new EvidenceIndex(options.IndexFolder));
        services.AddSingleton(new ExtractionLimits { MaxFileBytes = options.MaxUploadBytes });
        services.AddSingleton(_ => ConverterPaths.Detect() with { PdfTimeout = options.PdfTimeout });
        services.AddSingleton<IsolatedTextExtractor>();
        services.AddSingleton<EvidenceIndexing>();
        services.AddSingleton<IndexFollower>();
        services.AddSingleton<DossierService>();
        services.AddSingleton<FolderIntake>();
        services.AddSingleton<PageCounting>();
        services.AddSingleton<IntegrityCheck>();
        services.AddSingleton<InspectionService>();
        services.AddSingleton<Meetings.MeetingRegister>();
        services.AddSingleton<Incoming.IncomingRegister>();
        services.AddSingleton<Meetings.CadenceCheck>();
        services.AddSingleton<Archive.ArchiveSettings>();
        services.AddSingleton<Archive.AnnualBundle>();
        services.AddSingleton<Archive.BundleJobs>();
        services.AddSingleton<Archive.BundleRecords>();
        services.AddSingleton<Archive.BundleImport>();
        services.AddSingleton<Archive.BundleImportJobs>();
        services.AddSingleton<Demo.DemoRecords>();
        services.AddSingleton<Archive.BundleIncoming>();
        services.AddSingleton<Archive.BundleYearRecords>();
        services.AddSingleton<OfficialDocuments.DocumentTemplates>();
        services.AddSingleton<OfficialDocuments.DocumentNumberRegister>();
        services.AddSingleton<OfficialDocuments.DocumentSigning>();
        services.AddSingleton<OfficialDocuments.Drafting>();
        services.AddSingleton<OfficialDocuments.IRectificationOrders, Supervision.RectificationOrders>();
        services.AddSingleton<OfficialDocuments.OfficialDocumentService>();
        services.AddSingleton<Supervision.ProgressLog>();
        services.AddSingleton<Supervision.SupervisionService>();
        services.AddSingleton<Supervision.SelfCheckService>();
        services.AddSingleton<Supervision.ReconciliationService>();
        services.AddSingleton<Supervision.ReconciliationRecords>();
        services.AddSingleton<KeptFiles>();
        services.AddSingleton<Supervision.LeaderReportService>();
        services.AddSingleton<Supervision.Reminders>();
        services.AddSingleton<Supervision.Dashboard>();
        services.AddSingleton<Assessment.ScoringSchemes>();
        services.AddSingleton<Assessment.AssessmentRecords>();
        services.AddSingleton<Assessment.AssessmentService>();
        services.AddSingleton<Notifications.NotificationStore>();
        services.AddSingleton<Notifications.NoticeComposer>();
        services.AddSingleton<Notifications.Notifier>();
        services.AddSingleton<Notifications.SmtpRelay>();
        services.AddSingleton<Notifications.MailOutbox>();
        services.AddSingleton<Notifications.InAppMessages>();
        services.AddSingleton<PublicProgress.PublicDisclosure>();
        services.AddSingleton<PublicProgress.PublicCatalogue>();
        return services;
    }

    /// <summary>
    /// Registers the store an engine opens (once, on first use, held for the process lifetime) under every domain
    /// folder's store interface, so each service receives the interface of its own folder.
    /// </summary>
    public static IServiceCollection AddLuoshiStore(this IServiceCollection services, Func<IServiceProvider, ILuoshiStore> open)
    {
        services.AddSingleton(open);
        services.AddSingleton<IUnitOfWork>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<IBackupSource>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<ILeases>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<Audit.IAuditStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<IOrganisationStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<IAccountStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<IEvidenceStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<ITaskStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<Meetings.IMeetingStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<Incoming.IIncomingStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<OfficialDocuments.IDocumentStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<Supervision.ISupervisionStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<Assessment.IAssessmentStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<Archive.IArchiveStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<Notifications.INotificationStore>(p => p.GetRequiredService<ILuoshiStore>());
        services.AddSingleton<PublicProgress.IDisclosureStore>(p => p.GetRequiredService<ILuoshiStore>());
        return services;
    }
}
