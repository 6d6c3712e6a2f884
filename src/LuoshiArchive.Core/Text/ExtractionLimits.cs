namespace LuoshiArchive.Core.Text;

/// <summary>Limits that keep a hostile or broken file from exhausting the server.</summary>
public sealed record ExtractionLimits
{
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;
    public int MaxZipEntries { get; init; } = 2000;
    public long MaxZipUncompressedBytes { get; init; } = 300L * 1024 * 1024;
    public int MaxZipRatio { get; init; } = 100;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    public long MemoryLimitBytes { get; init; } = 1024L * 1024 * 1024;
}
