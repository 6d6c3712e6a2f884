namespace LuoshiArchive.Core.Text;

/// <summary>The file formats a dossier accepts, as detected from the content (not the name).</summary>
public enum EvidenceFormat
{
    Docx,
    Pdf,
    Xlsx,
    PlainText,
    Markdown,
    Html,
    Doc,
    Wps,
}
