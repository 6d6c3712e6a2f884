using System.Diagnostics;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// The optional converters found on this machine: LibreOffice for legacy DOC/WPS, tesseract (with chi_sim) plus
/// pdftoppm for scanned PDFs. Without them such files are stored with the "no text could be read" flag.
/// </summary>
public sealed record ConverterPaths(string? Soffice, string? Tesseract, string? Pdftoppm)
{
    public static ConverterPaths None { get; } = new(null, null, null);

    public bool CanOcr => Tesseract is not null && Pdftoppm is not null;

    /// <summary>How long LibreOffice may take to turn one DOCX into PDF before the rendition is given up.</summary>
    public TimeSpan PdfTimeout { get; init; } = PdfRendition.DefaultTimeout;

    public static ConverterPaths Detect()
    {
        var soffice = OnPath("soffice") ?? OnPath("libreoffice");
        var tesseract = OnPath("tesseract");
        if (tesseract is not null && !HasChineseModel(tesseract)) tesseract = null;
        return new ConverterPaths(soffice, tesseract, OnPath("pdftoppm"));
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static bool HasChineseModel(string tesseract)
    {
        try
        {
            var result = ExternalProcess.Run(tesseract, ["--list-langs"], TimeSpan.FromSeconds(10));
            return result.Output.Contains("chi_sim", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            return false;
        }
    }
}
