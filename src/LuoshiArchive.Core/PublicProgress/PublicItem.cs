namespace LuoshiArchive.Core.PublicProgress;

/// <summary>
/// One task as the public reads it: what the page, the feeds and the CMS sheet show, and nothing else (no people, no
/// departments' internal reports, no evidence).
/// </summary>
public sealed record PublicItem(
    string Code, int Year, string Name, string Status, string Target, DateOnly? Deadline,
    string Progress, DateOnly ProgressDate, DateTime ChangedAt,
    string IndexNumber, string Theme, string Attribute);
