using System.IO.Compression;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// Checks an Office file's ZIP container before any parser expands it: OpenXml has no zip-bomb limits of its own.
/// </summary>
internal static class ZipGuard
{
    public static void Check(string path, string fileName, ExtractionLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new ExtractionException(ExtractionProblem.Corrupt, $"“{fileName}”已损坏或不完整（压缩结构无法读取），请检查原文件后重新上传。");
        }
        using (zip)
        {
            if (zip.Entries.Count > limits.MaxZipEntries)
                throw Bomb(fileName, $"包含 {zip.Entries.Count} 个部件");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxZipUncompressedBytes) throw Bomb(fileName, "解压后超过上限");
                if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxZipRatio && entry.Length > 1024 * 1024)
                    throw Bomb(fileName, $"部件“{entry.FullName}”压缩比异常");
            }
        }
    }

    private static ExtractionException Bomb(string fileName, string why) =>
        new(ExtractionProblem.ZipBomb, $"“{fileName}”{why}，疑似恶意构造的文件（压缩炸弹），已拒绝。");
}
