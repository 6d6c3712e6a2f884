namespace LuoshiArchive.Core.Text;

/// <summary>A PDF rendition of a DOCX by LibreOffice, where it is installed (PdfPig cannot write CJK text).</summary>
public static class PdfRendition
{
    /// <summary>How long one conversion may take unless <c>Luoshi:PdfTimeout</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Converts <paramref name="docx"/>; returns the PDF's bytes, or null without LibreOffice or when it fails.</summary>
    public static byte[]? TryConvert(byte[] docx, ConverterPaths converters)
    {
        if (converters.Soffice is null) return null;
        var work = Directory.CreateTempSubdirectory("luoshi-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "document.docx");
            File.WriteAllBytes(input, docx);
            var profile = new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri;
            string[] arguments =
            [
                $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                "--outdir", work.FullName, input,
            ];
            ExternalProcess.Run(converters.Soffice, arguments, converters.PdfTimeout);
            var pdf = Path.Combine(work.FullName, "document.pdf");
            return File.Exists(pdf) ? File.ReadAllBytes(pdf) : null;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return null;
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
