using System.Diagnostics;
using System.Net;
using System.Text;
using Xunit.Abstractions;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Web.Tests.Operations;

/// <summary>
/// Two web apps on one PostgreSQL database and one shared storage folder, each with its own index folder, as two
/// nodes behind a proxy: a file added on one is found on the other, a removal likewise; numbers issued from both at
/// once are unique and without gaps; a sign-in cookie from one works on the other.
/// </summary>
public sealed class TwoNodesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-nodes-").FullName;
    private readonly NodeFactory _nodeA, _nodeB;
    private readonly ITestOutputHelper _output;

    public TwoNodesTests(ITestOutputHelper output)
    {
        _output = output;
        var database = TestDatabase.NewDatabase();
        var storage = Path.Combine(_root, "shared-storage");
        _nodeA = new NodeFactory(storage, database, Path.Combine(_root, "index-a"));
        _nodeB = new NodeFactory(storage, database, Path.Combine(_root, "index-b"));
    }


    [Fact]
    public async Task What_one_node_files_the_other_finds_and_a_cookie_from_one_works_on_the_other()
    {
        var accounts = _nodeA.Services.GetRequiredService<AccountService>();
        accounts.Create(LuoshiWebFactory.AdminName, "办公室张三", LuoshiWebFactory.AdminPassword, UserRole.Admin);
        var task = _nodeA.Services.GetRequiredService<TaskRegistry>()
            .Create(new TaskDraft { Year = 2018, Name = "两节点共用的任务" }, Actor.Console());
        var cookie = await SignInOn(_nodeA);
        using var onB = _nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        onB.DefaultRequestHeaders.Add("Cookie", cookie);

        var tasksPage = await onB.GetAsync("/Tasks");
        Assert.Equal(HttpStatusCode.OK, tasksPage.StatusCode); // not sent to the sign-in page: node B reads node A's cookie
        Assert.Contains("两节点共用的任务", await tasksPage.Content.ReadAsStringAsync());

        var registryOnB = _nodeB.Services.GetRequiredService<TaskRegistry>();
        Assert.Equal(0, registryOnB.EvidenceCounts().GetValueOrDefault(task.Id)); // node B keeps its counts from here
        var added = await _nodeA.Services.GetRequiredService<DossierService>().AddAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("关于落实一事一档的工作纪要：两节点检索测试。")), "两节点纪要.txt",
            [task.Code], null, Actor.Console());
        // The hit links to the evidence page (its title is highlighted word by word, so look for the link).
        var link = $"/Evidence/{added.Evidence.Id}?";
        var found = await WaitUntil(async () => (await Search(onB, "两节点检索测试")).Contains(link));
        Assert.True(found < TimeSpan.FromSeconds(10), $"node B found node A's file only after {found.TotalSeconds:0.0} s");
        var counted = await WaitUntil(() => Task.FromResult(registryOnB.EvidenceCounts().GetValueOrDefault(task.Id) == 1));
        Assert.True(counted < TimeSpan.FromSeconds(10), $"node B's task list counted node A's file only after {counted} s");

        _nodeA.Services.GetRequiredService<DossierService>().Remove(added.Evidence.Id, "误传", Actor.Console());
        var gone = await WaitUntil(async () => !(await Search(onB, "两节点检索测试")).Contains(link));
        Assert.True(gone < TimeSpan.FromSeconds(10), $"node B still found the removed file after {gone.TotalSeconds:0.0} s");
        _output.WriteLine($"node B found the added file after {found.TotalSeconds:0.00} s, lost the removed one after " +
            $"{gone.TotalSeconds:0.00} s");
    }

    [Fact]
    public void Numbers_issued_on_both_nodes_at_once_are_unique_and_without_gaps()
    {
        var registers = new[] { _nodeA, _nodeB }.Select(n => n.Services.GetRequiredService<DocumentNumberRegister>()).ToArray();

        Parallel.For(0, 30, new ParallelOptions { MaxDegreeOfParallelism = 6 },
            i => registers[i % 2].Next("津教委", 2018, null, Actor.Console("node" + (i % 2))));

        Assert.Equal(Enumerable.Range(1, 30), registers[1].List(2018).Select(n => n.Sequence));
    }

    /// <summary>Signs in on <paramref name="node"/> by hand (no cookie container) and returns the Cookie header value.</summary>
    private static async Task<string> SignInOn(NodeFactory node)
    {
        using var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/Account/Login");
        var antiforgery = CookiesOf(form);
        var token = BrowserLikeClient.Parse(await form.Content.ReadAsStringAsync()).AntiforgeryToken();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("name", LuoshiWebFactory.AdminName),
                new("password", LuoshiWebFactory.AdminPassword), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = CookiesOf(signedIn);
        Assert.Contains("luoshi.auth=", cookie);
        return cookie;
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]) : []);

    private static async Task<string> Search(HttpClient client, string words) =>
        await client.GetStringAsync("/Search?q=" + Uri.EscapeDataString(words));

    private static async Task<TimeSpan> WaitUntil(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition() && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(100);
        return clock.Elapsed;
    }

    public void Dispose()
    {
        _nodeA.Dispose();
        _nodeB.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private sealed class NodeFactory(string storage, string database, string index) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("storage", storage);
            builder.UseSetting("Luoshi:Database", database);
            builder.UseSetting("Luoshi:IndexPath", index);
            builder.UseEnvironment("Production");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new TestClock(new DateOnly(2018, 6, 15))));
        }
    }
}
