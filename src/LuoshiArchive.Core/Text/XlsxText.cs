using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LuoshiArchive.Core.Text;

/// <summary>Reads every sheet of an XLSX as text: the sheet name, then one line per row with cells separated by tabs.</summary>
internal static class XlsxText
{
    public static string Read(string path, string fileName)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException)
        {
            throw new ExtractionException(ExtractionProblem.Corrupt, $"“{fileName}”不是完整的 Excel 工作簿（可能已损坏或被截断），未保存。请检查原文件后重新上传。");
        }
        using (document)
        {
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook.Sheets is null) return "";
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var text = new StringBuilder();
            foreach (var sheet in workbook.Workbook.Sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue;
                text.Append(sheet.Name?.Value).Append('\n');
                foreach (var row in part.Worksheet.Descendants<Row>())
                {
                    var cells = row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString
                        ? int.TryParse(c.CellValue?.Text, out var i) && i < shared.Count ? shared[i] : ""
                        : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "");
                    text.Append(string.Join('\t', cells).TrimEnd('\t')).Append('\n');
                }
            }
            return text.ToString().Trim();
        }
    }
}
