using LuoshiArchive.Core.Accounts;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Archive;

public sealed class AnnualBundleTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 12, 20));
    private readonly string _out = Directory.CreateTempSubdirectory("luoshi-bundle-").FullName;

    private async Task<string> Export(Action? beforeExport = null, Core.Dossiers.PageCounting? pageCounting = null)
    {
        var office = _storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var plain = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "建立佐证材料档案", LeadDepartmentId = office.Id }, Actor.Console("t"));
        // A name with spaces, % and a long tail, as real task names are.
        var odd = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "完成率 100% 的 课后服务 " + new string('长', 90), LeadDepartmentId = office.Id }, Actor.Console("t"));
        var notice = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "notice.pdf"));
        await _storage.Dossiers.AddAsync(new MemoryStream(notice), "通知.pdf", [plain.Code, odd.Code], null, Actor.Console("t"));
        await _storage.Dossiers.AddAsync(new MemoryStream("会议纪要\n研究课后服务。\n2018年5月6日"u8.ToArray()), "纪要 (第3次) 100%.txt", [odd.Code],
            new Core.Dossiers.EvidenceDetails { Kind = Core.Dossiers.EvidenceKind.Minutes }, Actor.Console("t"));
        var bundle = new AnnualBundle(_storage.Tasks, _storage.Directory, _storage.Dossiers,
            new OneTableService(_storage.Store, _storage.Directory, _storage.Tasks, _storage.Reading), _storage.Meetings,
            new LuoshiOptions { OrganisationName = "天津市教育委员会", FondsNumber = "0194" }, _storage.Clock,
            _storage.Audit, new BundleRecords(_storage.Store, _storage.Directory), pageCounting: pageCounting);
        var file = Path.Combine(_out, "2018.zip");
        beforeExport?.Invoke();
        bundle.Export(2018, file);
        return file;
    }

    [Fact]
    public async Task The_bundle_is_a_valid_bag_with_a_folder_per_task_catalogue_and_manifests()
    {
        var file = await Export();

        Assert.Empty(BagVerifier.Verify(file));
        using var zip = ZipFile.OpenRead(file);
        var root = zip.Entries.Single(e => e.FullName.EndsWith("/bagit.txt", StringComparison.Ordinal)).FullName[..^"bagit.txt".Length];
        string Text(string name) => new StreamReader(zip.GetEntry(root + name)!.Open()).ReadToEnd();
        Assert.Equal("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", Text("bagit.txt"));
        var info = Text("bag-info.txt");
        Assert.Contains("Source-Organization: 天津市教育委员会", info);
        Assert.Contains("Bagging-Date: 2018-12-20", info);
        Assert.Contains("External-Identifier: 0194-WS·2018", info);
        var payload = zip.Entries.Where(e => e.FullName.StartsWith(root + "data/", StringComparison.Ordinal)).ToList();
        Assert.Contains($"Payload-Oxum: {payload.Sum(e => e.Length)}.{payload.Count}", info);
        // Named by its 档号, so the 件号 in the name is the catalogue's.
        Assert.Contains(payload, e => e.FullName.EndsWith("/2018-001-建立佐证材料档案/0194-WS·2018-D10-BGS-0001-市教委关于印发建立健全推进工作落实长效机制方案的通知.pdf", StringComparison.Ordinal));
        Assert.Contains(payload, e => e.FullName.Contains("/2018-002-完成率 100% 的 课后服务 长长", StringComparison.Ordinal));
        Assert.All(payload, e => Assert.True(Encoding.UTF8.GetByteCount(e.Name) <= 160, e.Name));
        Assert.Contains("%25", Text("manifest-sha256.txt")); // the % in names is percent-encoded in manifests
        foreach (var name in new[] { "归档文件目录.xlsx", "归档文件目录.docx", "工作落实清单一览表.xlsx", "会议台账.xlsx", "README.txt" })
            Assert.NotNull(zip.GetEntry(root + "data/" + name));

        var metadata = JsonDocument.Parse(zip.Entries.First(e => e.FullName.EndsWith("2018-001-建立佐证材料档案/metadata.json", StringComparison.Ordinal)).Open());
        var item = metadata.RootElement.GetProperty("evidence")[0];
        Assert.Equal("0194-WS·2018-D10-BGS-0001", item.GetProperty("archiveCode").GetString()); // kind Other: kept 10 years
        var pdf = payload.First(e => e.FullName.EndsWith(".pdf", StringComparison.Ordinal));
        using var pdfStream = pdf.Open();
        Assert.Equal(item.GetProperty("Sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(pdfStream)));
    }

    [Fact]
    public async Task The_catalogue_numbers_items_per_retention_and_department()
    {
        var file = await Export();
        using var zip = ZipFile.OpenRead(file);
        var sheet = zip.Entries.Single(e => e.FullName.EndsWith("data/归档文件目录.xlsx", StringComparison.Ordinal));
        using var copy = new MemoryStream();
        using (var s = sheet.Open()) s.CopyTo(copy);
        copy.Position = 0;
        var rows = Spreadsheets.SheetReader.Read(copy, 100);
        Assert.Equal(CatalogueEntry.Columns, rows[0].Cells.OrderBy(c => c.Key).Select(c => c.Value));
        var codes = rows.Skip(1).Select(r => r.Cells[1]).ToList();
        // The minutes (D30) and the notice (kind Other, D10) are in different classes: each starts at 0001.
        Assert.Equal(["0194-WS·2018-D10-BGS-0001", "0194-WS·2018-D30-BGS-0001"], codes.Order(StringComparer.Ordinal));
        Assert.Contains(rows.Skip(1), r => r.Cells[5] == "20180208" && r.Cells[2] == "津教委〔2018〕1号");
    }

    [Fact]
    public async Task A_red_header_DOCX_is_catalogued_and_named_by_its_title_not_by_its_mark()
    {
        var spec = Core.OfficialDocuments.DocumentSpecReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "criticism.json")));
        var docx = Core.OfficialDocuments.OfficialDocumentService.Render(spec, new Core.OfficialDocuments.DocumentLayout());
        var file = await Export(() =>
        {
            var task = _storage.Tasks.List(new TaskFilter { Year = 2018 })[0].Task;
            _storage.Dossiers.AddAsync(new MemoryStream(docx), "通报.docx", [task.Code], null, Actor.Console("t")).GetAwaiter().GetResult();
        });

        var rows = CatalogueRows(file);
        var row = rows.Single(r => r[2] == "津教委〔2018〕52号");
        Assert.Equal("关于对政策法规处等处室重点任务逾期未完成情况的通报", row[4]);
        Assert.Equal("天津市教育委员会", row[3]);
        Assert.Equal("20181008", row[5]);
        using var zip = ZipFile.OpenRead(file);
        Assert.Contains(zip.Entries, e => e.Name == $"{row[1]}-关于对政策法规处等处室重点任务逾期未完成情况的通报.docx");
        Assert.DoesNotContain(zip.Entries, e => e.Name.Contains("天津市教育委员会文件", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_DOCX_that_states_no_page_count_gets_one_from_its_rendition_in_the_catalogue_and_keeps_it()
    {
        // Our own writer, like many programs that are not Word, WPS or LibreOffice, writes no docProps/app.xml.
        var spec = Core.OfficialDocuments.DocumentSpecReader.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "criticism.json")));
        var docx = Core.OfficialDocuments.OfficialDocumentService.Render(spec, new Core.OfficialDocuments.DocumentLayout());
        var converters = Text.Fixture.Installed(soffice: true);
        var expected = Core.Text.PdfRendition.PageCount(Core.Text.PdfRendition.TryConvert(docx, converters));
        var blobs = new Core.Storage.BlobStore(_storage.Path);
        var counting = new Core.Dossiers.PageCounting(_storage.Dossiers, blobs, converters);
        int id = 0;

        var file = await Export(() =>
        {
            var task = _storage.Tasks.List(new TaskFilter { Year = 2018 })[0].Task;
            id = _storage.Dossiers.AddAsync(new MemoryStream(docx), "通报.docx", [task.Code], null, Actor.Console("t"))
                .GetAwaiter().GetResult().Evidence.Id;
            Assert.Null(_storage.Dossiers.Find(id)!.PageCount);
        }, counting);

        Assert.True(expected > 0);
        Assert.Equal(expected.ToString(), CatalogueRows(file).Single(r => r[2] == "津教委〔2018〕52号")[6]);
        Assert.Equal(expected, _storage.Dossiers.Find(id)!.PageCount);
        // Kept: the next export has nothing left to count.
        Assert.Equal(0, counting.FillIn(_storage.Store.Evidence.FindAll()));
    }

    [Fact]
    public async Task The_retention_set_on_a_piece_of_evidence_classes_it_in_the_catalogue()
    {
        var file = await Export(() =>
        {
            var notice = _storage.Store.Evidence.FindAll().Single(e => e.OriginalFileName == "通知.pdf");
            _storage.Dossiers.UpdateDetails(notice.Id, new Core.Dossiers.EvidenceDetails { Retention = "Y" }, Actor.Console("t"));
            var refused = Assert.Throws<DomainRuleException>(() =>
                _storage.Dossiers.UpdateDetails(notice.Id, new Core.Dossiers.EvidenceDetails { Retention = "D5" }, Actor.Console("t")));
            Assert.Contains("保管期限", refused.Message);
        });

        var codes = CatalogueRows(file).Select(r => r[1]).ToList();

        // The notice (kind Other, D10 by default) is now 永久; the minutes keep their default D30.
        Assert.Equal(["0194-WS·2018-D30-BGS-0001", "0194-WS·2018-Y-BGS-0001"], codes.Order(StringComparer.Ordinal));
    }

    private static List<IReadOnlyList<string>> CatalogueRows(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        var sheet = zip.Entries.Single(e => e.FullName.EndsWith("data/归档文件目录.xlsx", StringComparison.Ordinal));
        using var copy = new MemoryStream();
        using (var s = sheet.Open()) s.CopyTo(copy);
        copy.Position = 0;
        // Empty cells are not in the reader's rows: every column as text, "" where empty.
        return Spreadsheets.SheetReader.Read(copy, 100).Skip(1)
            .Select(r => (IReadOnlyList<string>)CatalogueEntry.Columns.Select((_, i) => r.Cells.TryGetValue(i, out var v) ? v : "").ToList())
            .ToList();
    }

    [Theory]
    [InlineData("altered")]
    [InlineData("deleted")]
    [InlineData("added")]
    public async Task Tampering_is_detected(string tampering)
    {
        var file = await Export();
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            var target = zip.Entries.First(e => e.FullName.EndsWith(".txt", StringComparison.Ordinal) && e.FullName.Contains("/data/", StringComparison.Ordinal));
            var root = target.FullName[..target.FullName.IndexOf("/data/", StringComparison.Ordinal)];
            if (tampering == "altered")
            {
                var name = target.FullName;
                target.Delete();
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("被改过的纪要");
            }
            else if (tampering == "deleted") target.Delete();
            else using (var w = new StreamWriter(zip.CreateEntry(root + "/data/夹带.txt").Open())) w.Write("多出来的");
        }

        var problems = BagVerifier.Verify(file);

        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Contains(tampering switch { "altered" => "改动", "deleted" => "缺少", _ => "多出" }));
    }

    [Fact]
    public async Task A_stored_copy_changed_after_intake_is_refused_instead_of_being_certified_anew()
    {
        // Each original is checked against its SHA-256 recorded at intake: damage to the stored copy (a disk error, a
        // hand edit) stops the export, naming the file, and leaves no bundle behind.
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Export(() =>
        {
            var minutes = _storage.Store.Evidence.FindAll().Single(e => e.OriginalFileName.StartsWith("纪要", StringComparison.Ordinal));
            var blob = Path.Combine(_storage.Path, "blobs", minutes.Sha256[..2], minutes.Sha256[2..4], minutes.Sha256);
            File.WriteAllText(blob, "会议纪要\n研究课后服务。\n2018年5月7日");
        }));

        Assert.Contains("原件已损坏", refused.Message);
        Assert.Contains("纪要", refused.Message);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public async Task The_tag_files_are_listed_in_a_SHA_256_and_a_SHA_512_tag_manifest()
    {
        var file = await Export();
        using (var zip = ZipFile.OpenRead(file))
        {
            var tags = new[] { "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt" };
            foreach (var (name, hash) in new (string, Func<byte[], byte[]>)[] { ("sha256", SHA256.HashData), ("sha512", SHA512.HashData) })
            {
                var manifest = ReadEntry(zip, "tagmanifest-" + name + ".txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(tags, manifest.Select(l => l.Split(' ')[1]));
                foreach (var line in manifest)
                    Assert.Equal(Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(ReadEntry(zip, line.Split(' ')[1])))), line.Split(' ')[0]);
            }
        }

        Rewrite(file, "bag-info.txt", info => info.Replace("External-Description:", "External-Description: 改过", StringComparison.Ordinal),
            updateTagManifests: false);

        var problems = BagVerifier.Verify(file);
        Assert.Contains(problems, p => p.Contains("sha256 不符") && p.Contains("bag-info.txt"));
        Assert.Contains(problems, p => p.Contains("sha512 不符") && p.Contains("bag-info.txt"));
    }

    [Fact]
    public async Task A_wrong_Payload_Oxum_is_rejected_even_when_the_tag_manifests_were_made_to_match()
    {
        var file = await Export();
        // One file fewer than the payload holds, and tag manifests recomputed: only the Oxum is wrong, as a tool
        // that rewrote bag-info.txt by hand would leave it.
        Rewrite(file, "bag-info.txt", info => System.Text.RegularExpressions.Regex.Replace(info, @"Payload-Oxum: (\d+)\.(\d+)",
            m => $"Payload-Oxum: {m.Groups[1].Value}.{int.Parse(m.Groups[2].Value) - 1}"));

        var problems = BagVerifier.Verify(file);

        Assert.Single(problems);
        Assert.Contains("Payload-Oxum 不符", problems[0]);
    }

    /// <summary>Replaces a tag file's text and (unless told not to) recomputes both tag manifests.</summary>
    internal static void Rewrite(string file, string tagFile, Func<string, string> change, bool updateTagManifests = true)
    {
        using var zip = ZipFile.Open(file, ZipArchiveMode.Update);
        var root = zip.Entries.Single(e => e.FullName.EndsWith("/bagit.txt", StringComparison.Ordinal)).FullName[..^"bagit.txt".Length];
        void Write(string name, string text)
        {
            zip.GetEntry(root + name)!.Delete();
            using var s = zip.CreateEntry(root + name).Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }
        Write(tagFile, change(ReadEntry(zip, tagFile)));
        if (!updateTagManifests) return;
        foreach (var (name, hash) in new (string, Func<byte[], byte[]>)[] { ("sha256", SHA256.HashData), ("sha512", SHA512.HashData) })
        {
            var lines = ReadEntry(zip, "tagmanifest-" + name + ".txt").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(' ')[1])
                .Select(n => Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(ReadEntry(zip, n)))) + " " + n + "\n");
            Write("tagmanifest-" + name + ".txt", string.Concat(lines));
        }
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        var root = zip.Entries.Single(e => e.FullName.EndsWith("/bagit.txt", StringComparison.Ordinal)).FullName[..^"bagit.txt".Length];
        using var reader = new StreamReader(zip.GetEntry(root + name)!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void A_bag_made_by_another_tool_validates()
    {
        // As bagit.py or BagIt-Java write them: md5 and sha1 manifests, CRLF, the "*" binary marker, a percent-encoded name.
        var file = Path.Combine(_out, "other.zip");
        var content = "hello bag"u8.ToArray();
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Create))
        {
            void Add(string name, byte[] bytes) { using var s = zip.CreateEntry(name).Open(); s.Write(bytes); }
            Add("bag/bagit.txt", "BagIt-Version: 0.97\r\nTag-File-Character-Encoding: UTF-8\r\n"u8.ToArray());
            Add("bag/data/a%b.txt", content);
            Add("bag/manifest-md5.txt", Encoding.UTF8.GetBytes($"{Convert.ToHexStringLower(MD5.HashData(content))} *data/a%25b.txt\r\n"));
            Add("bag/manifest-sha1.txt", Encoding.UTF8.GetBytes($"{Convert.ToHexStringLower(SHA1.HashData(content))}  data/a%25b.txt\r\n"));
        }
        Assert.Empty(BagVerifier.Verify(file));
    }

    [Fact]
    public void A_year_without_tasks_is_refused_and_no_file_is_left()
    {
        var bundle = new AnnualBundle(_storage.Tasks, _storage.Directory, _storage.Dossiers,
            new OneTableService(_storage.Store, _storage.Directory, _storage.Tasks, _storage.Reading), _storage.Meetings, new LuoshiOptions(), _storage.Clock, _storage.Audit, new BundleRecords(_storage.Store, _storage.Directory));
        Assert.Throws<DomainRuleException>(() => bundle.Export(2030, Path.Combine(_out, "empty.zip")));
        Assert.Empty(Directory.GetFiles(_out));
    }

    public void Dispose()
    {
        _storage.Dispose();
        try { Directory.Delete(_out, recursive: true); } catch (IOException) { }
    }
}
