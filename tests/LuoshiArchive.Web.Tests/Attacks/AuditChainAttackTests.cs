using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Tests.Operations;

namespace LuoshiArchive.Web.Tests.Attacks;

/// <summary>
/// The audit attacks of issue 19, through the real server: clients posting progress (the same file each time, whose
/// "already stored" entry once ended in a space) while others fail sign-ins, all at once for a few seconds, leave a
/// chain that verifies with every entry in it; a chain cut short or rewritten afterwards is caught against a backup
/// that the running app took for <c>luoshi backup</c> (its request, as the CLI sends it).
/// </summary>
public class AuditChainAttackTests(KestrelWebFactory app) : IClassFixture<KestrelWebFactory>
{
    private static readonly TimeSpan Attack = TimeSpan.FromSeconds(4);

    private async Task<HttpClient> ClientAsync(bool signedIn)
    {
        app.EnsureAdmin();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = app.Start(), Timeout = TimeSpan.FromMinutes(2),
        };
        if (signedIn) await client.SignInAsync();
        return client;
    }

    private static async Task<bool> PostProgressAsync(HttpClient client, string code, int round)
    {
        var page = await client.GetDocumentAsync($"/Tasks/{code}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent("2018-06-14"), "Date" }, { new StringContent($"第 {round} 次推进 "), "Text" },
            { new StringContent("ProcessRecord"), "Kind" },
            { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("同一份会议纪要，每次都随进展上传"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "files", "会议纪要.txt");
        var response = await client.PostAsync($"/Tasks/{code}/Progress", content);
        return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK;
    }

    private static async Task<bool> FailSignInAsync(HttpClient client, string name)
    {
        var page = await client.GetDocumentAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(
            [new("name", name), new("password", "猜的密码"), new("__RequestVerificationToken", page.AntiforgeryToken())]));
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<int> RepeatAsync(Func<int, Task<bool>> act)
    {
        var (done, until) = (0, DateTime.UtcNow + Attack);
        for (var round = 0; DateTime.UtcNow < until; round++)
            if (await act(round)) done++;
        return done;
    }

    private string NewTask(string name) =>
        app.Service<TaskRegistry>().Create(new TaskDraft { Year = 2018, Name = name }, Actor.Console()).Code;

    [Fact]
    public async Task Clients_posting_progress_and_failing_sign_ins_at_once_leave_a_chain_that_verifies()
    {
        var codes = new[] { NewTask("并发进展任务甲"), NewTask("并发进展任务乙") };
        var clerks = await Task.WhenAll(ClientAsync(true), ClientAsync(true));
        var guessers = await Task.WhenAll(ClientAsync(false), ClientAsync(false));
        var audit = app.Service<AuditLog>();
        int Count(string action) => audit.Find(action: action, limit: int.MaxValue).Count(e => e.Action == action);
        var before = (Progress: Count("progress.added"), SignIns: Count("signin.failed"));

        var progress = clerks.Select((c, i) => RepeatAsync(round => PostProgressAsync(c, codes[i], round)));
        var guesses = guessers.Select((c, i) => RepeatAsync(round => FailSignInAsync(c, $"guess{i}-{round}")));
        var posted = await Task.WhenAll(progress);
        var failed = await Task.WhenAll(guesses);

        Assert.All(posted.Concat(failed), n => Assert.True(n > 0));
        Assert.Empty(audit.Verify());
        Assert.Equal(before.Progress + posted.Sum(), Count("progress.added"));
        Assert.Equal(before.SignIns + failed.Sum(), Count("signin.failed"));
        var ids = app.Service<IAuditStore>().Audit.FindAll().Select(e => e.Id).ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count), ids);
    }

    [Fact]
    public async Task A_chain_rewritten_or_cut_short_after_a_backup_is_caught_against_that_backup()
    {
        using var other = new KestrelWebFactory();
        other.EnsureAdmin();
        var client = new HttpClient { BaseAddress = other.Start() };
        for (var i = 0; i < 5; i++) await FailSignInAsync(client, $"guess-{i}");
        var backup = Path.Combine(other.StoragePath + "-backups", "备份.zip");
        // What `luoshi backup` does while the app runs: the app's BackupRequestWatcher takes it, with the chain's head.
        var taken = await Task.Run(() => BackupRequests.Submit(other.StoragePath, backup, TimeSpan.FromMinutes(2)));
        Assert.Contains("已备份到", taken);
        var audit = other.Service<AuditLog>();
        var store = other.Service<IAuditStore>();
        var head = AuditHead.ReadFrom(backup)!;
        Assert.Empty(audit.VerifyAgainst(head, "备份"));

        // Someone with the database and the key edits entry 2 and chains every later entry again.
        foreach (var entry in store.Audit.FindAll().Where(e => e.Id >= 2).ToList())
        {
            store.Audit.Delete(entry.Id);
            if (entry.Id == 2) entry.Details = "改写";
            (entry.Id, entry.Hash, entry.PreviousHash) = (0, "", "");
            store.AuditPending.Insert(entry);
        }
        audit.Seal();
        Assert.Empty(audit.Verify());
        Assert.Contains(audit.VerifyAgainst(head, "备份"), p => p.StartsWith("审计记录链被改写", StringComparison.Ordinal));

        // Then the entries after the backup, and more, are deleted from the end.
        while (store.Audit.Count() >= head.Count) store.Audit.Delete(store.Audit.FindLast()!.Id);
        Assert.Empty(audit.Verify());
        Assert.Contains(audit.VerifyAgainst(head, "备份"), p => p.StartsWith("审计记录被截短", StringComparison.Ordinal));
        Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
    }
}
