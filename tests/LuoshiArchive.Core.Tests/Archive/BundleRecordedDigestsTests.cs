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
/// SHA-512 and BLAKE3 are taken at intake and kept with the evidence record. The annual bundle checks each original
/// against the recorded BLAKE3 (else, on older records, against its SHA-256) and lists the recorded SHA-256 and
/// SHA-512 without hashing the file with them again; what a record lacks is computed at export. Either way a changed
/// stored copy stops the export.
/// </summary>
public sealed class BundleRecordedDigestsTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 12, 20));
    private readonly string _out = Directory.CreateTempSubdirectory("luoshi-digests-").FullName;
    private static readonly byte[] Minutes = "会议纪要\n研究课后服务。\n2018年5月6日"u8.ToArray();
    private static readonly string MinutesSha512 = Convert.ToHexStringLower(SHA512.HashData(Minutes));
    // 1.7 MB: copied and digested in several buffers on two threads (a small file is done in one, on one).
    private static readonly byte[] LongMinutes =
        System.Text.Encoding.UTF8.GetBytes("会议纪要\n" + string.Concat(Enumerable.Repeat("研究课后服务。\n", 80_000)));

    /// <summary>Which digests a record has: as intake keeps them now, or as an earlier build wrote it.</summary>
    public enum Kept { All, WithoutBlake3, Neither }

    private static string Blake3Of(byte[] bytes) => Blake3.Hasher.Hash(bytes).ToString();

    /// <summary>Files the minutes, then removes from the stored record what an earlier build did not write.</summary>
    private async Task<Evidence> FileMinutes(Kept kept = Kept.All, bool longText = false)
    {
        var office = _storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var task = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "建立佐证材料档案", LeadDepartmentId = office.Id },
            Actor.Console("t"));
        var added = (await _storage.Dossiers.AddAsync(new MemoryStream(longText ? LongMinutes : Minutes), "纪要.txt",
            [task.Code], new EvidenceDetails { Kind = EvidenceKind.Minutes }, Actor.Console("t"))).Evidence;
        if (kept != Kept.All)
        {
            _storage.Close();
            TestDatabase.RemoveField(_storage.Path, "evidence", nameof(Evidence.Blake3));
            if (kept == Kept.Neither) TestDatabase.RemoveField(_storage.Path, "evidence", nameof(Evidence.Sha512));
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

    /// <summary>The digest in manifest-<paramref name="algorithm"/> of the payload file ending in the suffix.</summary>
    private static string Listed(string bundle, string suffix, string algorithm = "sha512")
    {
        using var zip = ZipFile.OpenRead(bundle);
        var manifest = zip.Entries.Single(e =>
            e.FullName.EndsWith($"/manifest-{algorithm}.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(manifest.Open());
        return reader.ReadToEnd().Split('\n').Single(l => l.EndsWith(suffix, StringComparison.Ordinal)).Split(' ')[0];
    }

    private void ChangeOneBitOfTheStoredCopy(Evidence evidence)
    {
        var blob = Path.Combine(_storage.Path, "blobs", evidence.Sha256[..2], evidence.Sha256[2..4], evidence.Sha256);
        var changed = File.ReadAllBytes(blob);
        changed[^2] ^= 1; // one bit, in the last buffer of a long text
        File.WriteAllBytes(blob, changed);
    }

    [Fact]
    public void The_BLAKE3_library_gives_the_reference_digests()
    {
        // Test vectors of the BLAKE3 reference implementation (empty input; "abc").
        Assert.Equal("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", Blake3Of([]));
        Assert.Equal("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85", Blake3Of("abc"u8.ToArray()));
    }

    [Fact]
    public async Task Intake_keeps_SHA_512_and_BLAKE3_with_the_record_and_the_bundle_lists_the_SHAs()
    {
        var minutes = await FileMinutes();

        // As read back from the store (LiteDB or PostgreSQL).
        Assert.Equal(MinutesSha512, minutes.Sha512);
        Assert.Equal(Blake3Of(Minutes), minutes.Blake3);
        var bundle = Export();
        Assert.Equal(MinutesSha512, Listed(bundle, "纪要.txt"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Minutes)), Listed(bundle, "纪要.txt", "sha256"));
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

        Assert.Equal(wrong, Listed(bundle, "纪要.txt"));
        var problem = Assert.Single(BagVerifier.Verify(bundle));
        Assert.Contains("sha512 不符", problem);
        Assert.Contains("纪要", problem);
        var output = new StringWriter();
        Assert.Equal(1, await LuoshiCli.RunAsync(["bundle", "verify", bundle], output, new StringWriter(),
            new StringReader(""), _storage.Clock));
    }

    [Fact]
    public async Task The_export_checks_the_original_against_the_recorded_BLAKE3()
    {
        // The file is as stored and its SHA-256 matches: only the BLAKE3 check can refuse it.
        var minutes = await FileMinutes(longText: true);
        Rewrite(minutes.Id, e => e.Blake3 = Blake3Of(Minutes));

        var refused = Assert.Throws<DomainRuleException>(Export);

        Assert.Contains("原件已损坏", refused.Message);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Theory]
    [InlineData(Kept.WithoutBlake3, false)]
    [InlineData(Kept.WithoutBlake3, true)]
    [InlineData(Kept.Neither, false)]
    [InlineData(Kept.Neither, true)]
    public async Task A_record_stored_before_the_digests_were_kept_exports_a_bag_that_verifies(Kept kept, bool longText)
    {
        var minutes = await FileMinutes(kept, longText);
        Assert.Null(minutes.Blake3);
        Assert.Equal(kept == Kept.Neither, minutes.Sha512 is null);

        var bundle = Export();

        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(longText ? LongMinutes : Minutes)),
            Listed(bundle, "纪要.txt"));
        Assert.Empty(BagVerifier.Verify(bundle));
    }

    [Theory]
    [InlineData(Kept.All, false)]
    [InlineData(Kept.WithoutBlake3, false)]
    [InlineData(Kept.Neither, false)]
    [InlineData(Kept.All, true)]
    [InlineData(Kept.WithoutBlake3, true)]
    [InlineData(Kept.Neither, true)]
    public async Task A_stored_copy_changed_after_intake_stops_the_export_whichever_digests_its_record_kept(Kept kept,
        bool longText)
    {
        var minutes = await FileMinutes(kept, longText);
        ChangeOneBitOfTheStoredCopy(minutes);

        var refused = Assert.Throws<DomainRuleException>(Export);

        Assert.Contains("原件已损坏", refused.Message);
        Assert.Contains("纪要", refused.Message);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public async Task Bundle_import_takes_SHA_512_and_BLAKE3_while_storing_the_originals_as_intake_does()
    {
        // Exported from a record without either: the importing store has them all the same.
        await FileMinutes(Kept.Neither);
        var bundle = Export();
        var other = Path.Combine(_out, "imported");

        Assert.Equal(0, await LuoshiCli.RunAsync(["bundle", "import", bundle, .. TestDatabase.StorageOptions(other)],
            new StringWriter(), new StringWriter(), new StringReader(""), _storage.Clock));

        using var imported = TestDatabase.Open(other);
        var evidence = imported.Evidence.FindAll().Single();
        Assert.Equal(MinutesSha512, evidence.Sha512);
        Assert.Equal(Blake3Of(Minutes), evidence.Blake3);
    }

    public void Dispose()
    {
        TestDatabase.Drop(Path.Combine(_out, "imported"));
        _storage.Dispose();
        Directory.Delete(_out, recursive: true);
    }
}
