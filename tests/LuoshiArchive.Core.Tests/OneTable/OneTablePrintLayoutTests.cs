using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.OneTable;

/// <summary>
/// Issue 18, defect 11: the one-table XLSX had no title, no borders, no fit-to-page and printed four pages wide; its
/// file name ignored the filter. Read back from the workbook itself, as Excel and LibreOffice read it.
/// </summary>
public class OneTablePrintLayoutTests
{
    private static OneTableService Service(TempStorage s) => new(s.Store, s.Directory, s.Tasks, s.Reading);

    private static (Department Office, Person Leader) Seed(TempStorage storage)
    {
        var office = storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var leader = storage.Directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader });
        foreach (var name in new[] { "制作工作落实清单一览表", "办理人大建议政协提案" })
            storage.Tasks.Create(new TaskDraft
            {
                Year = 2026, Name = name, ListKind = TaskListKind.Comprehensive, Source = TaskSource.CommissionMeeting,
                LeadDepartmentId = office.Id, SupervisingLeaderId = leader.Id, Deadline = new DateOnly(2026, 6, 30),
                Status = KeyTaskStatus.InProgress, Measures = "统一表样\n逐项填报",
            }, Actor.Console("t"));
        return (office, leader);
    }

    [Fact]
    public void The_export_has_a_title_borders_a_repeated_header_and_prints_landscape_one_page_wide()
    {
        using var storage = new TempStorage(new DateOnly(2026, 3, 1));
        var (office, _) = Seed(storage);
        using var file = new MemoryStream();
        var filter = new TaskFilter { Year = 2026, LeadDepartmentId = office.Id, Status = KeyTaskStatus.InProgress };
        Service(storage).ExportXlsx(filter, Actor.Console(), file, OneTableView.Leaves);

        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.InnerText;

        // The title row names the year and the filter; it spans every column; the header is row 2.
        var title = Text(rows[0].Elements<Cell>().First());
        Assert.StartsWith("2026年全委重点任务一览表", title);
        Assert.Contains("牵头处室：办公室", title);
        Assert.Contains("状态：推进中", title);
        Assert.Contains("仅末级任务", title);
        Assert.Equal("A1:T1", sheet.Descendants<MergeCell>().Single().Reference!.Value);
        Assert.Equal(OneTableRow.Columns, rows[1].Elements<Cell>().Select(Text));
        Assert.Equal(4, rows.Count);

        // A thin border on every cell of the header and the rows.
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var borders = workbook.WorkbookStylesPart.Stylesheet.Borders!.Elements<Border>().ToList();
        foreach (var cell in rows.Skip(1).SelectMany(r => r.Elements<Cell>()))
        {
            var border = borders[(int)formats[(int)cell.StyleIndex!.Value].BorderId!.Value];
            Assert.Equal(BorderStyleValues.Thin, border.LeftBorder!.Style!.Value);
            Assert.Equal(BorderStyleValues.Thin, border.BottomBorder!.Style!.Value);
        }

        // Printing: A4 landscape, fitted to one page wide and as many down as needed; title and header on every page.
        var setup = sheet.Elements<PageSetup>().Single();
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
        Assert.True(sheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
        var printTitles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal("_xlnm.Print_Titles", printTitles.Name!.Value);
        Assert.Equal("'工作落实清单一览表'!$1:$2", printTitles.Text);
    }

    [Fact]
    public void The_export_with_its_title_row_imports_back_as_the_same_tasks()
    {
        using var source = new TempStorage(new DateOnly(2026, 3, 1));
        using var target = new TempStorage(new DateOnly(2026, 3, 1));
        Seed(source);
        using var file = new MemoryStream();
        Service(source).ExportXlsx(new TaskFilter { Year = 2026 }, Actor.Console(), file);

        file.Position = 0;
        var result = Service(target).ImportXlsx(file, Actor.Console("导入员"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(["2026-001", "2026-002"], result.ImportedCodes);
        Assert.Equal(
            Service(source).Rows(new TaskFilter(), Actor.Console()).Select(r => r.Cells().Skip(1)),
            Service(target).Rows(new TaskFilter(), Actor.Console()).Select(r => r.Cells().Skip(1)));
    }

    [Fact]
    public void The_file_name_follows_the_year_list_kind_department_status_and_view()
    {
        using var storage = new TempStorage(new DateOnly(2026, 3, 1));
        var (office, leader) = Seed(storage);
        var service = Service(storage);

        Assert.Equal("工作落实清单一览表-2026-树形.xlsx",
            service.Caption(new TaskFilter { Year = 2026 }, OneTableView.Tree).FileName);
        Assert.Equal("工作落实清单一览表-2026-全委综合重点任务清单-办公室-王建国-推进中-仅末级任务.xlsx",
            service.Caption(new TaskFilter
            {
                Year = 2026, ListKind = TaskListKind.Comprehensive, LeadDepartmentId = office.Id,
                SupervisingLeaderId = leader.Id, Status = KeyTaskStatus.InProgress,
            }, OneTableView.Leaves).FileName);
        var slash = storage.Directory.SaveDepartment(new Department { Name = "综合/法规处" });
        Assert.Equal("工作落实清单一览表-2026-综合_法规处-树形.xlsx",
            service.Caption(new TaskFilter { Year = 2026, LeadDepartmentId = slash.Id }, OneTableView.Tree).FileName);
    }
}
