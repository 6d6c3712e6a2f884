using System.IO.Compression;
using System.Text.Json;

namespace LuoshiArchive.Core.Audit;

/// <summary>
/// The chain's head at one moment: how many entries, the last one's id and hash. Written into every backup and annual
/// bundle (<see cref="FileName"/>), so a later <c>luoshi audit verify --against FILE</c> finds a chain that was cut
/// short or rewritten since, which the chain alone cannot show. <see cref="Mac"/> is its HMAC with the audit key
/// (empty without one), so the file cannot be changed to fit a rewritten chain without the key.
/// </summary>
public sealed record AuditHead(int Count, int LastId, string LastHash, DateTime At, string Mac = "")
{
    public const string FileName = "audit-head.json";

    /// <summary>What <see cref="Mac"/> covers: every other field.</summary>
    public byte[] SignedBytes() => System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', Count, LastId, LastHash,
        At.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture)));

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The head a backup (at its root) or a zipped bag (under data/) carries; null when it has none.</summary>
    public static AuditHead? ReadFrom(string zipFile)
    {
        using var zip = ZipFile.OpenRead(zipFile);
        var entry = zip.GetEntry(FileName)
            ?? zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/data/" + FileName, StringComparison.Ordinal));
        if (entry is null) return null;
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<AuditHead>(stream);
    }
}
