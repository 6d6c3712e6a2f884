namespace LuoshiArchive.Core.Text;

/// <summary>A PDF rendition of a DOCX by LibreOffice, where it is installed (PdfPig cannot write CJK text).</summary>
public static class PdfRendition
{
    /// <summary>How long one conversion may take unless <c>Luoshi:PdfTimeout</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Converts <paramref name="docx"/>; returns the PDF's bytes, or null without LibreOffice or when it fails.</summary>
    public static byte[]? TryConvert(byte[] docx, ConverterPaths converters) =>
        TryConvertMany([docx], converters)[0];

    /// <summary>
    /// Converts several DOCX files in one LibreOffice run (its start and profile are most of a small file's cost);
    /// each PDF's bytes, or null for a file it could not convert (all null without LibreOffice).
    /// </summary>
    public static byte[]?[] TryConvertMany(IReadOnlyList<byte[]> documents, ConverterPaths converters)
    {
        var pdfs = new byte[]?[documents.Count];
        if (converters.Soffice is null || documents.Count == 0) return pdfs;
        var work = Directory.CreateTempSubdirectory("luoshi-pdf-");
        try
        {
            var inputs = documents.Select((docx, i) =>
            {
                var input = Path.Combine(work.FullName, $"document-{i}.docx");
                File.WriteAllBytes(input, docx);
                return input;
            }).ToList();
            var profile = new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri;
            string[] arguments =
            [
                $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                "--outdir", work.FullName, .. inputs,
            ];
            ExternalProcess.Run(converters.Soffice, arguments, converters.PdfTimeout * documents.Count);
            for (var i = 0; i < documents.Count; i++)
            {
                var pdf = Path.Combine(work.FullName, $"document-{i}.pdf");
                pdfs[i] = File.Exists(pdf) ? File.ReadAllBytes(pdf) : null;
            }
            return pdfs;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return pdfs;
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>How many pages a PDF has; null when there is none or PdfPig cannot read it.</summary>
    public static int? PageCount(byte[]? pdf)
    {
        if (pdf is null) return null;
        try
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            return document.NumberOfPages;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException
                                      or UglyToad.PdfPig.Core.PdfDocumentFormatException)
        {
            return null;
        }
    }
}
