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
    /// Adds the store (opened once, held for the process lifetime), the clock and the domain services.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="options">Resolved options; <see cref="LuoshiOptions.StoragePath"/> must be absolute.</param>
    /// <param name="ownerDescription">Who holds the store, shown to a second process that tries to open it.</param>
    public static IServiceCollection AddLuoshiCore(this IServiceCollection services, LuoshiOptions options, string ownerDescription)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => LuoshiStore.Open(options.StoragePath, ownerDescription));
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<OrganisationDirectory>();
        services.AddSingleton<TaskRegistry>();
        services.AddSingleton<ReadAccess>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<OneTable.OneTableService>();
        services.AddSingleton(_ => new BlobStore(options.StoragePath));
        services.AddSingleton(_ => new EvidenceIndex(Path.Combine(options.StoragePath, "index")));
        services.AddSingleton(new ExtractionLimits { MaxFileBytes = options.MaxUploadBytes });
        services.AddSingleton(_ => ConverterPaths.Detect());
        services.AddSingleton<IsolatedTextExtractor>();
        services.AddSingleton<EvidenceIndexing>();
        services.AddSingleton<DossierService>();
        services.AddSingleton<InspectionService>();
        services.AddSingleton<Meetings.MeetingRegister>();
        services.AddSingleton<Meetings.CadenceCheck>();
        services.AddSingleton<Archive.ArchiveSettings>();
        services.AddSingleton<Archive.AnnualBundle>();
        services.AddSingleton<Archive.BundleJobs>();
        services.AddSingleton<Archive.BundleRecords>();
        services.AddSingleton<Archive.BundleImport>();
        services.AddSingleton<OfficialDocuments.DocumentTemplates>();
        services.AddSingleton<OfficialDocuments.DocumentNumberRegister>();
        services.AddSingleton<OfficialDocuments.Drafting>();
        services.AddSingleton(provider =>
        {
            var documents = ActivatorUtilities.CreateInstance<OfficialDocuments.OfficialDocumentService>(provider);
            documents.OpenRectificationOrder = Supervision.RectificationOrders.Opener(provider.GetRequiredService<Supervision.SupervisionService>());
            return documents;
        });
        services.AddSingleton<Supervision.ProgressLog>();
        services.AddSingleton<Supervision.SupervisionService>();
        services.AddSingleton<Supervision.SelfCheckService>();
        services.AddSingleton<Supervision.ReconciliationService>();
        services.AddSingleton<Supervision.LeaderReportService>();
        services.AddSingleton<Supervision.Reminders>();
        services.AddSingleton<Supervision.Dashboard>();
        services.AddSingleton<Assessment.ScoringSchemes>();
        services.AddSingleton<Assessment.AssessmentRecords>();
        services.AddSingleton<Assessment.AssessmentService>();
        return services;
    }
}
