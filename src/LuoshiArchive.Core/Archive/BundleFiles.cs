namespace LuoshiArchive.Core.Archive;

/// <summary>The machine-readable files of an annual bundle that <c>luoshi bundle import</c> reads back.</summary>
public static class BundleFiles
{
    public const string Organisation = "organisation.json";
    public const string Meetings = "meetings.json";
    public const string TaskMetadata = "metadata.json";
    public const string Documents = "documents.json";
    public const string Audit = "audit.json";
    public const string Assessment = "assessment.json";
    public const string Incoming = "incoming.json";
    public const string YearRecords = "year-records.json";
    public const string IncomingFolder = "来文来件";
}
