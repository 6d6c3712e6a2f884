using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LuoshiArchive.Core.Spreadsheets;

/// <summary>
/// Reads the first worksheet of an XLSX as rows of cell texts (shared strings, inline strings, numbers; dates stay as
/// the serial number text). Checks the zip container first, because OpenXml has no zip-bomb limits of its own.
/// </summary>
public static class SheetReader
{
    public const int MaxEntries = 1000;
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;
    public const int MaxRatio = 100;

    /// <summary>Rows keyed by their 1-based Excel row number; cells keyed by 0-based column index.</summary>
    public static IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> Read(Stream input, int maxRows)
    {
        var buffer = new MemoryStream();
        input.CopyTo(buffer);
        if (buffer.Length == 0) throw new DomainRuleException("文件是空的（0 字节）。");
        buffer.Position = 0;
        CheckContainer(buffer);
        buffer.Position = 0;
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(buffer, isEditable: false);
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or IOException)
        {
            throw new DomainRuleException("无法读取该文件：它不是有效的 XLSX 工作簿（可能已损坏，或是改了扩展名的其他文件）。");
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new DomainRuleException("该 XLSX 文件中没有工作簿。");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                             ?? throw new DomainRuleException("该 XLSX 文件中没有工作表。");
            var sheetPart = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>()
                .Select(i => i.InnerText).ToList() ?? [];
            var rows = new List<(int, IReadOnlyDictionary<int, string>)>();
            foreach (var row in sheetPart.Worksheet.Descendants<Row>())
            {
                if (rows.Count >= maxRows) throw new DomainRuleException($"表格超过 {maxRows} 行，请拆分后分批导入。");
                var cells = new Dictionary<int, string>();
                var nextColumn = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                    nextColumn = column + 1;
                    var text = CellText(cell, shared);
                    if (text.Length > 0) cells[column] = text;
                }
                var number = row.RowIndex?.Value is { } index ? (int)index : rows.Count + 1;
                rows.Add((number, cells));
            }
            return rows;
        }
    }

    private static void CheckContainer(Stream buffer)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new DomainRuleException("无法读取该文件：它不是 XLSX 工作簿（XLSX 是 ZIP 格式；旧版 .xls 请先用 Excel 或 WPS 另存为 .xlsx）。");
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxEntries) throw new DomainRuleException("该文件包含的部件过多，疑似恶意压缩文件，已拒绝。");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? 0 : entry.Length / entry.CompressedLength;
                if (total > MaxUncompressedBytes || ratio > MaxRatio)
                    throw new DomainRuleException("该文件解压后体积异常（疑似“压缩炸弹”），已拒绝。");
            }
        }
    }

    private static string CellText(Cell cell, IReadOnlyList<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(cell.CellValue?.Text, out var i) && i >= 0 && i < shared.Count ? shared[i].Trim() : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText.Trim() ?? "";
        var raw = cell.CellValue?.Text ?? "";
        // Numbers are written with invariant culture; keep integers as integers ("2018", not "2018.0").
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : raw.Trim();
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
