using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Core.Spreadsheets;

namespace LuoshiArchive.Core.Tests.PublicProgress;

/// <summary>
/// The CMS sheet: a valid XLSX with the catalogue's columns and one row per public task, public fields only.
/// </summary>
public sealed class PublicSheetTests
{
    [Fact]
    public void The_sheet_has_a_title_the_catalogue_header_and_one_row_per_public_task()
    {
        PublicItem[] items =
        [
            new("2018-001", 2018, "新建改扩建幼儿园30所", "推进中", "新增学位9000个", new DateOnly(2018, 12, 31),
                "已开工18所。", new DateOnly(2018, 7, 10), DateTime.UtcNow, "000125225/2018-00001", @"综合政务\政务督查", "主动公开"),
            new("2018-004", 2018, "中小学课后服务", "已完成", "全覆盖", null,
                "已全覆盖。", new DateOnly(2018, 6, 1), DateTime.UtcNow, "000125225/2018-00002", @"综合政务\政务督查", "主动公开"),
        ];
        using var output = new MemoryStream();
        PublicSheet.Write(output, 2018, items, "天津市教育委员会");

        output.Position = 0;
        using (var document = SpreadsheetDocument.Open(output, false))
            Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365)
                .Validate(document));
        output.Position = 0;
        var rows = SheetReader.Read(output, 100);
        Assert.Equal("天津市教育委员会2018年重大事项进展情况（向社会公布）", rows[0].Cells[0]);
        Assert.Equal(PublicSheet.Header, rows[1].Cells.OrderBy(c => c.Key).Select(c => c.Value));
        Assert.Equal(["000125225/2018-00001", @"综合政务\政务督查", "主动公开", "天津市教育委员会", "2018-001",
            "新建改扩建幼儿园30所", "新增学位9000个", "2018-12-31", "推进中", "已开工18所。", "2018-07-10"],
            rows[2].Cells.OrderBy(c => c.Key).Select(c => c.Value));
        Assert.Equal("", rows[3].Cells.GetValueOrDefault(7, ""));
        Assert.Equal(4, rows.Count);
    }
}
