using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Core.Archive;

/// <summary>The 归档文件目录 as a DOCX: A4 landscape, a title, and the DA/T 22 table with its header repeated on every page.</summary>
public static class CatalogueDocx
{
    private static readonly int[] Widths = [700, 2700, 2200, 1800, 4200, 1100, 700, 700, 1000]; // twips, 15100 wide

    public static void Write(Stream output, string title, IReadOnlyList<CatalogueEntry> entries)
    {
        using var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body(OfficialPage.Centered(OfficialPage.Text(title, OfficialPage.XiaoBiaoSong, OfficialPage.MarkSize, bodySpacing: false)));
        var table = new Table(new TableProperties(
            new TableWidth { Width = Widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(Row(CatalogueEntry.Columns, header: true));
        foreach (var entry in entries) table.Append(Row(entry.Cells(), header: false));
        body.Append(table);
        body.Append(new SectionProperties(
            new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 850, Right = 850, Header = 567, Footer = 567, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Count; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = Widths[i].ToString(), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(OfficialPage.Text(cells[i], header ? OfficialPage.HeiTi : OfficialPage.FangSong, 21, bodySpacing: false))));
        }
        return row;
    }
}
