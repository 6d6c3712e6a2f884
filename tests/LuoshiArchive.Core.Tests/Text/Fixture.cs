using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Tests.Text;

/// <summary>Paths of the real-producer fixtures, and a scratch folder for files the tests make.</summary>
public static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string NoticeText => File.ReadAllText(Path("notice.txt"));

    public static string Scratch(string fileName, byte[] bytes)
    {
        var dir = Directory.CreateTempSubdirectory("luoshi-text-").FullName;
        var path = System.IO.Path.Combine(dir, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The converters this machine has; the test setup script installs them, so a missing one fails loudly.</summary>
    public static ConverterPaths Installed(bool soffice = false, bool ocr = false)
    {
        var found = ConverterPaths.Detect();
        if (soffice && found.Soffice is null)
            throw new InvalidOperationException("LibreOffice (soffice) is not installed: run scripts/install-test-deps.sh");
        if (ocr && !found.CanOcr)
            throw new InvalidOperationException("tesseract with chi_sim and pdftoppm are not installed: run scripts/install-test-deps.sh");
        return found;
    }
}
