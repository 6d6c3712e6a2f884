using System.IO.Compression;
using System.Security.Cryptography;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Archive;

/// <summary>
/// SHA-512 is taken at intake and kept with the evidence record, so the annual bundle lists it in manifest-sha512
/// without hashing the original a second time; records stored before it was kept are hashed at export. Either way
/// the original is checked against its SHA-256 from intake, and a damaged copy stops the export.
/// </summary>
public sealed class BundleSha512Tests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 12, 20));
    private readonly string _out = Directory.CreateTempSubdirectory("luoshi-sha512-").FullName;
    private static readonly byte[] Minutes = "会议纪要\n研究课后服务。\n2018年5月6日"u8.ToArray();
    private static readonly string MinutesSha512 = Convert.ToHexStringLower(SHA512.HashData(Minutes));
    // 1.7 MB: copied and digested in several buffers on two threads (a small file is done in one, on one).
    private static readonly byte[] LongMinutes =
        System.Text.Encoding.UTF8.GetBytes("会议纪要\n" + string.Concat(Enumerable.Repeat("研究课后服务。\n", 80_000)));

    /// <summary>
    /// Files the minutes; with <paramref name="keptSha512"/> false, the record is then written as a build before this
    /// one wrote it (no SHA-512 property at all).
    /// </summary>
    private async Task<Evidence> FileMinutes(bool keptSha512 = true, bool longText = false)
    {
        var office = _storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var task = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "建立佐证材料档案", LeadDepartmentId = office.Id },
            Actor.Console("t"));
        var added = (await _storage.Dossiers.AddAsync(new MemoryStream(longText ? LongMinutes : Minutes), "纪要.txt",
            [task.Code], new EvidenceDetails { Kind = EvidenceKind.Minutes }, Actor.Console("t"))).Evidence;
        if (!keptSha512)
        {
            _storage.Close();
            TestDatabase.RemoveField(_storage.Path, "evidence", nameof(Evidence.Sha512));
            _storage.Reopen();
        }
        return _storage.Store.Evidence.FindById(added.Id)!;
    }

    private void Rewrite(int id, Action<Evidence> change)
    {
        var record = _storage.Store.Evidence.FindById(id)!;
        change(record);
        _storage.Store.Evidence.Update(record);
    }

    private string Export()
    {
        var bundle = new AnnualBundle(_storage.Tasks, _storage.Directory, _storage.Dossiers,
            new OneTableService(_storage.Store, _storage.Directory, _storage.Tasks, _storage.Reading), _storage.Meetings,
            new LuoshiOptions { OrganisationName = "天津市教育委员会", FondsNumber = "0194" }, _storage.Clock,
            _storage.Audit, new BundleRecords(_storage.Store, _storage.Directory));
        var file = Path.Combine(_out, "2018.zip");
        bundle.Export(2018, file);
        return file;
    }

    /// <summary>The manifest-sha512 digest of the one payload file whose name ends in <paramref name="suffix"/>.</summary>
    private static string ListedSha512(string bundle, string suffix)
    {
        using var zip = ZipFile.OpenRead(bundle);
        var manifest = zip.Entries.Single(e => e.FullName.EndsWith("/manifest-sha512.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(manifest.Open());
        return reader.ReadToEnd().Split('\n').Single(l => l.EndsWith(suffix, StringComparison.Ordinal)).Split(' ')[0];
    }

    [Fact]
    public async Task Intake_keeps_the_SHA_512_with_the_record_and_the_bundle_lists_it()
    {
        var minutes = await FileMinutes();

        Assert.Equal(MinutesSha512, minutes.Sha512); // as read back from the store (LiteDB or PostgreSQL)
        var bundle = Export();
        Assert.Equal(MinutesSha512, ListedSha512(bundle, "纪要.txt"));
        Assert.Empty(BagVerifier.Verify(bundle));
    }

    [Fact]
    public async Task The_manifest_takes_the_recorded_SHA_512_as_it_is_and_bundle_verify_still_checks_it()
    {
        // A record whose SHA-512 was changed in the database: the export does not hash the file again to find out,
        // and `bundle verify` (every digest of the bag) names the file.
        var minutes = await FileMinutes();
        var wrong = new string('0', 128);
        Rewrite(minutes.Id, e => e.Sha512 = wrong);

        var bundle = Export();

        Assert.Equal(wrong, ListedSha512(bundle, "纪要.txt"));
        var problem = Assert.Single(BagVerifier.Verify(bundle));
        Assert.Contains("sha512 不符", problem);
        Assert.Contains("纪要", problem);
        var output = new StringWriter();
        Assert.Equal(1, await LuoshiCli.RunAsync(["bundle", "verify", bundle], output, new StringWriter(),
            new StringReader(""), _storage.Clock));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_record_stored_before_SHA_512_was_kept_exports_a_bag_that_verifies(bool longText)
    {
        var minutes = await FileMinutes(keptSha512: false, longText);
        Assert.Null(minutes.Sha512);

        var bundle = Export();

        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(longText ? LongMinutes : Minutes)),
            ListedSha512(bundle, "纪要.txt"));
        Assert.Empty(BagVerifier.Verify(bundle));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task A_stored_copy_changed_after_intake_stops_the_export_whether_or_not_its_SHA_512_was_kept(bool kept,
        bool longText)
    {
        var minutes = await FileMinutes(kept, longText);
        var blob = Path.Combine(_storage.Path, "blobs", minutes.Sha256[..2], minutes.Sha256[2..4], minutes.Sha256);
        var changed = File.ReadAllBytes(blob);
        changed[^2] ^= 1; // one bit, in the last buffer of a long text
        File.WriteAllBytes(blob, changed);

        var refused = Assert.Throws<DomainRuleException>(Export);

        Assert.Contains("原件已损坏", refused.Message);
        Assert.Contains("纪要", refused.Message);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public async Task Bundle_import_takes_the_SHA_512_while_storing_the_originals_as_intake_does()
    {
        // Exported from a record without SHA-512: the importing store has it all the same.
        await FileMinutes(keptSha512: false);
        var bundle = Export();
        var other = Path.Combine(_out, "imported");

        Assert.Equal(0, await LuoshiCli.RunAsync(["bundle", "import", bundle, .. TestDatabase.StorageOptions(other)],
            new StringWriter(), new StringWriter(), new StringReader(""), _storage.Clock));

        using var imported = TestDatabase.Open(other);
        Assert.Equal(MinutesSha512, imported.Evidence.FindAll().Single().Sha512);
    }

    public void Dispose()
    {
        TestDatabase.Drop(Path.Combine(_out, "imported"));
        _storage.Dispose();
        Directory.Delete(_out, recursive: true);
    }
}
