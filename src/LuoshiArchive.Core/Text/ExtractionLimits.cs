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
    /// <summary>
    /// Files read (and indexed) at once; the rest wait their turn, at most <see cref="QueueTimeout"/>. Each costs a
    /// worker process and, for a long text, tens of MB in the server while it is indexed.
    /// </summary>
    public int MaxConcurrent { get; init; } = 2;
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
