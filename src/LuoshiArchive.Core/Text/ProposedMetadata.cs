namespace LuoshiArchive.Core.Text;

/// <summary>Metadata read from a document's text, for the user to confirm or correct.</summary>
public sealed record ProposedMetadata(string? Title, string? DocumentNumber, DateOnly? Date, string? IssuingBody);
