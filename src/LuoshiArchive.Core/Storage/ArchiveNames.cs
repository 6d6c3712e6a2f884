using System.Text;

namespace LuoshiArchive.Core.Storage;

/// <summary>
/// File and folder names inside dossier ZIPs and bundles: readable Chinese, safe on Windows and Linux, short enough
/// for the 255-byte limit of most file systems once unpacked.
/// </summary>
public static class ArchiveNames
{
    private const int MaxNameBytes = 150;
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>"2018-001-建立全委重点任务分解清单"</summary>
    public static string TaskFolder(string code, string name) => Safe($"{code}-{name}");

    /// <summary>"0003-关于印发….pdf": the item number (件号) keeps the dossier's order when the folder is listed.</summary>
    public static string EvidenceFile(int itemNumber, string title, string originalFileName)
    {
        var extension = Path.GetExtension(originalFileName).ToLowerInvariant();
        if (extension.Length > 10 || extension.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '.')) extension = "";
        return Safe($"{itemNumber:0000}-{title}", reserveBytes: Encoding.UTF8.GetByteCount(extension)) + extension;
    }

    /// <summary>
    /// "0194-WS·2018-D30-BGS-0001-关于印发….pdf": a bundle's file is named by its 档号, so the 件号 in its name is the
    /// one in the 归档文件目录 and on the 归档章.
    /// </summary>
    public static string CatalogueFile(string archiveCode, string title, string originalFileName)
    {
        var extension = Path.GetExtension(originalFileName).ToLowerInvariant();
        if (extension.Length > 10 || extension.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '.')) extension = "";
        return Safe($"{archiveCode}-{title}", reserveBytes: Encoding.UTF8.GetByteCount(extension)) + extension;
    }

    public static string Safe(string name, int reserveBytes = 0)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
            builder.Append(char.IsControl(c) || Forbidden.Contains(c) ? '_' : c);
        var clean = builder.ToString().Trim().TrimEnd('.');
        if (clean.Length == 0) clean = "_";
        while (Encoding.UTF8.GetByteCount(clean) > MaxNameBytes - reserveBytes)
            clean = clean[..^1];
        if (char.IsHighSurrogate(clean[^1])) clean = clean[..^1];
        return clean;
    }
}
