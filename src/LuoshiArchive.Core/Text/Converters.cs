namespace LuoshiArchive.Core.Text;

/// <summary>
/// The optional outside converters: LibreOffice turns legacy DOC/WPS into DOCX, pdftoppm + tesseract (chi_sim) read
/// scanned pages. Each runs in a private temp folder with a time limit, and the folder is removed afterwards.
/// </summary>
internal static class Converters
{
    public static string? LegacyToText(string path, string soffice, TimeSpan timeout, string fileName)
    {
        var work = Directory.CreateTempSubdirectory("luoshi-lo-");
        try
        {
            // LibreOffice decides the output format by the input extension; give it a copy with the right one.
            var input = Path.Combine(work.FullName, "input" + Path.GetExtension(fileName).ToLowerInvariant());
            File.Copy(path, input);
            var profile = new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri;
            ExternalProcess.Run(soffice, [$"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx", "--outdir", work.FullName, input], timeout);
            var docx = Path.Combine(work.FullName, "input.docx");
            return File.Exists(docx) ? DocxText.Read(docx, fileName).Text : null;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public static string Ocr(string pdfPath, ConverterPaths converters, TimeSpan timeout)
    {
        var work = Directory.CreateTempSubdirectory("luoshi-ocr-");
        try
        {
            var started = DateTime.UtcNow;
            ExternalProcess.Run(converters.Pdftoppm!, ["-r", "150", "-png", pdfPath, Path.Combine(work.FullName, "page")], timeout);
            var text = new System.Text.StringBuilder();
            foreach (var image in Directory.GetFiles(work.FullName, "page*.png").Order(StringComparer.Ordinal))
            {
                var left = timeout - (DateTime.UtcNow - started);
                if (left <= TimeSpan.Zero) throw new TimeoutException("OCR ran out of time");
                var result = ExternalProcess.Run(converters.Tesseract!, [image, "stdout", "-l", "chi_sim", "--psm", "3"], left,
                    new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" });
                text.Append(result.Output).Append('\n');
            }
            return PdfText.CleanCjkSpacing(text.ToString()).Trim();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
