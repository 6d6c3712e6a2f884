using System.Diagnostics;
using System.Net;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.LiteDb;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Operations;

/// <summary>
/// Errors the user can fix never crash: a domain error on a page without a form of its own is the status page with
/// the reason (not the 500 page), and a second web app on a store in use says so and ends with exit code 1.
/// </summary>
public class DomainErrorTests(LuoshiWebFactory app) : IClassFixture<LuoshiWebFactory>
{
    [Fact]
    public async Task A_download_refused_for_a_damaged_original_shows_why_instead_of_the_error_page()
    {
        app.EnsureAdmin();
        var task = app.Service<TaskRegistry>().Create(new TaskDraft { Year = 2018, Name = "迎检打包任务" }, Actor.Console());
        var evidence = (await app.Service<DossierService>().AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("迎检方案正文")),
            "迎检方案.txt", [task.Code], null, Actor.Console())).Evidence;
        var blob = Path.Combine(app.StoragePath, "blobs", evidence.Sha256[..2], evidence.Sha256[2..4], evidence.Sha256);
        File.WriteAllText(blob, "被改动的迎检方案");
        var client = app.NoRedirectClient();
        await client.SignInAsync();

        var response = await client.GetAsync($"/Inspection?handler=Zip&year=2018&tasks={task.Code}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = BrowserLikeClient.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("原件已损坏", text);
        Assert.DoesNotContain("出错了", text);
    }

    [Fact]
    public async Task A_second_web_app_on_a_store_in_use_says_so_and_exits_with_1()
    {
        var storage = Directory.CreateTempSubdirectory("luoshi-in-use-").FullName;
        try
        {
            using var holder = LiteDbStore.Open(storage, "luoshi-web (the first one)");
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
                Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_NOLOGO"] = "1" },
            };
            foreach (var arg in new[] { WebDll(), "--storage", storage, "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(arg);
            using var second = Process.Start(start)!;
            var stderr = second.StandardError.ReadToEndAsync();
            var stdout = second.StandardOutput.ReadToEndAsync();
            if (!second.WaitForExit(TimeSpan.FromMinutes(2))) second.Kill(entireProcessTree: true);

            Assert.Equal(1, second.ExitCode);
            Assert.Contains("storage is in use by luoshi-web (the first one)", await stderr);
            Assert.DoesNotContain("Unhandled exception", await stderr + await stdout);
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    /// <summary>The web app's own build output: src/LuoshiArchive.Web/bin/&lt;configuration&gt;/net10.0.</summary>
    private static string WebDll()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LuoshiArchive.sln"))) root = root.Parent;
        var output = Path.GetRelativePath(Path.Combine(root!.FullName, "tests", "LuoshiArchive.Web.Tests"), AppContext.BaseDirectory);
        return Path.Combine(root.FullName, "src", "LuoshiArchive.Web", output, "LuoshiArchive.Web.dll");
    }
}
