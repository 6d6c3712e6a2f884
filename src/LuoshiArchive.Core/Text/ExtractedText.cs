namespace LuoshiArchive.Core.Text;

/// <summary>
/// What was read from a file. <see cref="NoTextRead"/> marks a file stored without readable text (a scan without OCR,
/// legacy Word without LibreOffice): it is shown as such, never silently empty. <see cref="Note"/> says how the
/// text was obtained, in Chinese.
/// </summary>
public sealed record ExtractedText(EvidenceFormat Format, string Text, int? PageCount, bool NoTextRead, string? Note);
