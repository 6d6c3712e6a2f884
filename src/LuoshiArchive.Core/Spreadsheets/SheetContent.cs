namespace LuoshiArchive.Core.Spreadsheets;

/// <summary>
/// One worksheet for <see cref="SheetWriter"/>: its name (up to 31 characters), header row, rows and column widths, and
/// an optional title printed above the header (a merged, bold first row; the header is then row 2).
/// </summary>
public sealed record SheetContent(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string>> Rows,
    IReadOnlyList<double>? ColumnWidths = null, string? Title = null);
