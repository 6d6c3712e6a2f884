namespace LuoshiArchive.Web.Infrastructure;

/// <summary>The short name an office uses for a file format (the badge beside a document): DOCX, PDF, TXT…</summary>
public static class FileFormats
{
    public static string Label(string format) => format switch
    {
        "PlainText" => "TXT",
        "Markdown" => "MD",
        _ => format.ToUpperInvariant(),
    };
}
