using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using LuoshiArchive.Core.Archive;

namespace LuoshiArchive.Core.Tests.Archive;

/// <summary>A bag whose paths climb out of it (<c>..</c>) is refused, even when every digest matches.</summary>
public sealed class BagVerifierTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-bag-").FullName;

    private string Bag(params (string Path, string Text)[] payload)
    {
        var file = Path.Combine(_root, "bag.zip");
        using var zip = ZipFile.Open(file, ZipArchiveMode.Create);
        void Write(string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry("bag/" + name).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }
        Write("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        var manifest = new StringBuilder();
        foreach (var (path, text) in payload)
        {
            Write(path, text);
            manifest.Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))).Append(' ').Append(path).Append('\n');
        }
        Write("manifest-sha256.txt", manifest.ToString());
        return file;
    }

    [Fact]
    public void A_whole_plain_bag_passes()
    {
        Assert.Empty(BagVerifier.Verify(Bag(("data/任务/通知.txt", "通知正文"))));
    }

    [Fact]
    public void A_payload_path_with_dot_dot_is_refused_though_its_digest_matches()
    {
        var problems = BagVerifier.Verify(Bag(("data/任务/通知.txt", "通知正文"), ("data/../../etc/cron.d/evil", "* * * * * root sh")));

        Assert.Contains(problems, p => p.Contains("不安全的路径") && p.Contains("../../etc/cron.d/evil"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
