using System.Globalization;
using System.IO.Compression;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Writes the dossiers of chosen tasks as one ZIP: a folder per task (一事一档) holding the originals, and an index
/// sheet (目录.xlsx) listing every item with its metadata and SHA-256. Files are streamed one at a time.
/// </summary>
public static class DossierZip
{
    public static readonly IReadOnlyList<string> IndexColumns =
        ["任务编号", "任务名称", "件号", "题名", "发文字号", "成文日期", "类别", "页数", "文件", "SHA-256"];

    public static void Write(Stream output, IReadOnlyList<(KeyTask Task, IReadOnlyList<Evidence> Dossier)> dossiers,
        Func<Evidence, Stream> openOriginal)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var index = new List<IReadOnlyList<string>>();
        foreach (var (task, dossier) in dossiers)
        {
            var folder = ArchiveNames.TaskFolder(task.Code, task.Name);
            zip.CreateEntry(folder + "/");
            var itemNumber = 0;
            foreach (var evidence in dossier.OrderBy(e => e.Date ?? DateOnly.MaxValue).ThenBy(e => e.Id))
            {
                itemNumber++;
                var path = folder + "/" + ArchiveNames.EvidenceFile(itemNumber, evidence.Title, evidence.OriginalFileName);
                // Originals are mostly compressed already (DOCX, PDF); storing them saves CPU for nothing lost.
                var entry = zip.CreateEntry(path, CompressionLevel.NoCompression);
                entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(evidence.AddedAt, DateTimeKind.Utc));
                using (var target = entry.Open())
                using (var source = openOriginal(evidence))
                {
                    source.CopyTo(target);
                }
                index.Add([
                    task.Code, task.Name, itemNumber.ToString("0000", CultureInfo.InvariantCulture), evidence.Title,
                    evidence.Number, evidence.Date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "",
                    ChineseLabels.Of(evidence.Kind), evidence.PageCount?.ToString(CultureInfo.InvariantCulture) ?? "",
                    path, evidence.Sha256,
                ]);
            }
        }
        var sheet = zip.CreateEntry("目录.xlsx");
        using var sheetStream = sheet.Open();
        // OpenXml needs a seekable stream for the package; the index is small, so it is built in memory.
        using var buffer = new MemoryStream();
        SheetWriter.Write(buffer, "佐证材料目录", IndexColumns, index, [12, 30, 8, 40, 22, 12, 10, 6, 50, 66]);
        buffer.Position = 0;
        buffer.CopyTo(sheetStream);
    }
}
