using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Tasks;
using Microsoft.AspNetCore.Hosting;

namespace LuoshiArchive.Web.Tests.Pages.Archive;

/// <summary>The app with a small upload limit (200 KB), to show the bundle page takes more than other forms do.</summary>
public sealed class SmallUploadFactory : LuoshiWebFactory
{
    public const long UploadLimit = 200_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Luoshi:MaxUploadBytes", UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Bundle verification and import from the web, for administrators: a bundle from another store is uploaded (larger
/// than the ordinary upload limit), verified, then imported with progress; a tampered one is refused with the file
/// named and nothing kept; a year the store has is verified but not imported; other roles get 403.
/// </summary>
public class BundleImportPageTests(SmallUploadFactory app) : IClassFixture<SmallUploadFactory>
{
    /// <summary>
    /// A 2016 bundle made by another store: two tasks, one with two documents of 150 KB each (each under the upload
    /// limit, as the other store accepted them; the bundle over it).
    /// </summary>
    private static async Task<byte[]> BundleFromAnotherStore()
    {
        using var source = new LuoshiWebFactory();
        var tasks = source.Service<TaskRegistry>();
        var first = tasks.Create(new TaskDraft { Year = 2016, Name = "推进集团化办学" }, Actor.Console());
        tasks.Create(new TaskDraft { Year = 2016, Name = "完善课后服务" }, Actor.Console());
        foreach (var part in new[] { "上半年", "下半年" })
        {
            var text = string.Concat(Enumerable.Repeat($"集团化办学{part}推进情况报告。", 3_500));
            await source.Service<DossierService>().AddAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)),
                $"{part}推进情况.txt", [first.Code], null, Actor.Console());
        }
        var file = Path.Combine(Path.GetTempPath(), $"luoshi-import-{Guid.NewGuid():N}.zip");
        try
        {
            source.Service<AnnualBundle>().Export(2016, file);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<HttpClient> Admin()
    {
        app.EnsureAdmin();
        var client = app.CreateClient();
        await client.SignInAsync();
        return client;
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] bundle, string name)
    {
        var page = await client.GetDocumentAsync("/Archive/Import");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bundle);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "bundle", name);
        content.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        return await client.PostAsync("/Archive/Import", content);
    }

    /// <summary>Follows the job page (as its 2-second refresh does) until it no longer says it is working.</summary>
    private static async Task<AngleSharp.Dom.IDocument> Settled(HttpClient client, string jobUrl)
    {
        var page = await client.GetDocumentAsync(jobUrl);
        for (var i = 0; i < 600 && page.QuerySelector("meta[http-equiv=refresh]") is not null; i++)
        {
            await Task.Delay(100);
            page = await client.GetDocumentAsync(jobUrl);
        }
        return page;
    }

    [Fact]
    public async Task An_administrator_uploads_a_bundle_larger_than_other_uploads_sees_it_verified_and_imports_it()
    {
        var bundle = await BundleFromAnotherStore();
        Assert.True(bundle.Length > SmallUploadFactory.UploadLimit);
        var client = await Admin();

        var uploaded = await Upload(client, bundle, "2016年度归档包.zip");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var jobUrl = uploaded.RequestMessage!.RequestUri!.PathAndQuery;
        var verified = await Settled(client, jobUrl);
        Assert.Contains("校验通过：2016 年度，2 项任务，2 件材料", verified.QuerySelector("[role=status]")!.TextContent);
        var import = verified.QuerySelector("form[action*=Import] button")!;
        Assert.Equal("导入到本系统", import.TextContent);

        await client.PostFormAsync(jobUrl, [], verified.QuerySelector("form[action*=handler\\=Import]")!.GetAttribute("action")!);
        var imported = await Settled(client, jobUrl);

        Assert.Contains("已导入2016年度：2 项任务，2 件材料", imported.QuerySelector(".ok")!.TextContent);
        Assert.Equal(2, app.Service<TaskRegistry>().List(new TaskFilter { Year = 2016 }).Count);
        Assert.Equal(2, app.Service<DossierService>().Search(new Core.Search.SearchQuery("集团化办学") { Year = 2016 }).Hits.Count);
        Assert.Empty(Directory.GetFiles(Path.Combine(app.StoragePath, "imports")));
        Assert.Single(app.Service<Core.Audit.AuditLog>().Find(action: "bundle.imported"));

        // The same bundle again: verified, but the store has its year now, so it is not offered for import.
        var again = await Settled(client, (await Upload(client, bundle, "2016年度归档包.zip")).RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("已有 2016 年度的数据", again.QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(again.QuerySelector("form[action*=handler\\=Import]"));
    }

    [Fact]
    public async Task A_tampered_bundle_is_refused_with_the_file_named_and_nothing_is_kept()
    {
        var stream = new MemoryStream();
        stream.Write(await BundleFromAnotherStore());
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            // Rewrite one evidence file: its digest no longer matches the manifests.
            var entry = zip.Entries.First(e => e.FullName.EndsWith("上半年推进情况.txt", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write("被篡改的内容");
        }
        var client = await Admin();

        var page = await Settled(client, (await Upload(client, stream.ToArray(), "篡改.zip")).RequestMessage!.RequestUri!
            .PathAndQuery);

        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("校验未通过", alert);
        Assert.Contains("上半年推进情况.txt", alert);
        Assert.Null(page.QuerySelector("form[action*=handler\\=Import]"));
        Assert.Empty(Directory.GetFiles(Path.Combine(app.StoragePath, "imports")));
    }

    [Fact]
    public async Task An_office_supervisor_is_refused_the_page_and_the_upload()
    {
        app.EnsureAdmin();
        var accounts = app.Service<AccountService>();
        if (accounts.Find("dc-import") is null)
            accounts.Create("dc-import", "督查科李明", LuoshiWebFactory.AdminPassword, UserRole.OfficeSupervisor);
        var client = app.CreateClient();
        await client.SignInAsync("dc-import", LuoshiWebFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Archive/Import")).StatusCode);
        var token = (await client.GetDocumentAsync("/Tasks")).AntiforgeryToken();
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent([1, 2, 3]), "bundle", "x.zip" }, { new StringContent(token), "__RequestVerificationToken" },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/Archive/Import", content)).StatusCode);
    }
}
