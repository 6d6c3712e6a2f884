using System.Globalization;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// The dossiers of chosen tasks (the inspection view's download) as a zipped BagIt bag, written by the same
/// <see cref="BagZipWriter"/> as the annual bundle: a folder per task (一事一档) with the originals, and an index sheet
/// (目录.xlsx) listing every item with its metadata and SHA-256, and every task without evidence as such (an inspector
/// must see what is missing, not only what is there). Further files (the inspection's ledger) go beside it. Files are
/// streamed one at a time.
/// </summary>
public static class DossierZip
{
    public static readonly IReadOnlyList<string> IndexColumns =
        ["任务编号", "任务名称", "件号", "题名", "发文字号", "成文日期", "类别", "页数", "文件", "SHA-256"];

    public const string NoEvidence = "（无佐证材料）";

    public static void Write(Stream output, IReadOnlyList<(KeyTask Task, IReadOnlyList<Evidence> Dossier)> dossiers,
        Func<Evidence, Stream> openOriginal, string organisation, DateOnly today,
        IReadOnlyList<(string Name, Action<Stream> Write)>? extraFiles = null)
    {
        var index = new List<IReadOnlyList<string>>();
        using var bag = new BagZipWriter(output, $"迎检材料-{today:yyyyMMdd}");
        foreach (var (task, dossier) in dossiers)
        {
            var folder = ArchiveNames.TaskFolder(task.Code, task.Name);
            var itemNumber = 0;
            if (dossier.Count == 0) index.Add([task.Code, task.Name, "", NoEvidence, "", "", "", "", "", ""]);
            foreach (var evidence in dossier.OrderBy(e => e.Date ?? DateOnly.MaxValue).ThenBy(e => e.Id))
            {
                var path = folder + "/" + ArchiveNames.EvidenceFile(++itemNumber, evidence.Title, evidence.OriginalFileName);
                using (var source = openOriginal(evidence))
                    bag.AddPayload(path, source, new DateTimeOffset(DateTime.SpecifyKind(evidence.AddedAt, DateTimeKind.Utc)),
                        compress: false, recorded: RecordedDigests.Of(evidence));
                index.Add([
                    task.Code, task.Name, itemNumber.ToString("0000", CultureInfo.InvariantCulture), evidence.Title,
                    evidence.Number, evidence.Date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "",
                    ChineseLabels.Of(evidence.Kind), evidence.PageCount?.ToString(CultureInfo.InvariantCulture) ?? "",
                    path, evidence.Sha256,
                ]);
            }
        }
        // OpenXml needs a seekable stream for the package; the index is small, so it is built in memory.
        using (var sheet = new MemoryStream())
        {
            SheetWriter.Write(sheet, "佐证材料目录", IndexColumns, index, [12, 30, 8, 40, 22, 12, 10, 6, 50, 66]);
            sheet.Position = 0;
            bag.AddPayload("目录.xlsx", sheet);
        }
        foreach (var (name, write) in extraFiles ?? [])
        {
            using var file = new MemoryStream();
            write(file);
            file.Position = 0;
            bag.AddPayload(name, file);
        }
        bag.Finish(organisation, $"迎检材料-{today:yyyyMMdd}", $"{dossiers.Count} 项任务的佐证材料", today);
    }
}
