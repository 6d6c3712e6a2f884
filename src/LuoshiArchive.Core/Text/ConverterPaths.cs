using System.Diagnostics;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// The optional converters found on this machine: LibreOffice for legacy DOC/WPS, tesseract (with chi_sim) plus
/// pdftoppm for scanned PDFs. Without them such files are stored with the "no text could be read" flag.
/// </summary>
public sealed record ConverterPaths
{
    // Whether tesseract has the Chinese model is asked of tesseract (a process) the first time OCR is wanted, not at
    // start-up: a search never needs it (issue 24).
    private readonly Lazy<string?> _tesseract;

    public ConverterPaths(string? soffice, string? tesseract, string? pdftoppm)
        : this(soffice, new Lazy<string?>(tesseract), pdftoppm)
    {
    }

    private ConverterPaths(string? soffice, Lazy<string?> tesseract, string? pdftoppm)
    {
        Soffice = soffice;
        _tesseract = tesseract;
        Pdftoppm = pdftoppm;
    }

    public static ConverterPaths None { get; } = new(null, (string?)null, null);

    /// <summary>LibreOffice's <c>soffice</c>, for legacy DOC/WPS and PDF renditions.</summary>
    public string? Soffice { get; }

    /// <summary>tesseract, when it has the chi_sim model.</summary>
    public string? Tesseract => _tesseract.Value;

    public string? Pdftoppm { get; }

    public bool CanOcr => Tesseract is not null && Pdftoppm is not null;

    /// <summary>How long LibreOffice may take to turn one DOCX into PDF before the rendition is given up.</summary>
    public TimeSpan PdfTimeout { get; init; } = PdfRendition.DefaultTimeout;

    public static ConverterPaths Detect()
    {
        var soffice = OnPath("soffice") ?? OnPath("libreoffice");
        var tesseract = OnPath("tesseract");
        return new ConverterPaths(soffice,
            new Lazy<string?>(() => tesseract is not null && HasChineseModel(tesseract) ? tesseract : null),
            OnPath("pdftoppm"));
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
