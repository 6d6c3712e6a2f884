using System.Net;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LuoshiArchive.Web.Tests.Operations;

/// <summary>
/// A clock that fails once on demand, when Core's services ask for it: a passing fault inside a page's work (as a
/// failing disk would be) that no page handles. (The framework's own calls, e.g. the cookie check, are left alone.)
/// </summary>
public sealed class BreakableClock(DateOnly today) : TimeProvider
{
    private readonly TestClock _clock = new(today);
    private int _broken;

    public void BreakOnce() => Interlocked.Exchange(ref _broken, 1);

    public override DateTimeOffset GetUtcNow() =>
        Volatile.Read(ref _broken) == 1 && FromCore() && Interlocked.Exchange(ref _broken, 0) == 1
            ? throw new IOException("模拟的存储故障") : _clock.GetUtcNow();

    private static bool FromCore() =>
        new System.Diagnostics.StackTrace().GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith(
            "LuoshiArchive.Core.Tasks", StringComparison.Ordinal) == true);
    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;
}

public sealed class BreakableWebFactory : LuoshiWebFactory
{
    public BreakableClock Breakable { get; } = new(new DateOnly(2018, 6, 15));
    public RecordedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Breakable));
    }
}

/// <summary>An unhandled error in a POST is a 500 page with an error number, and the log carries the same number.</summary>
public class ErrorPageTests(BreakableWebFactory app) : IClassFixture<BreakableWebFactory>
{
    [Fact]
    public async Task An_unhandled_error_in_a_post_is_a_500_page_whose_number_is_in_the_log()
    {
        app.EnsureAdmin();
        var task = app.Service<TaskRegistry>().Create(new TaskDraft
        {
            Year = 2018, Name = "故障测试任务", Milestones = [new Milestone { Due = new DateOnly(2018, 7, 1), Description = "形成方案" }],
        }, Actor.Console());
        var client = app.NoRedirectClient();
        await client.SignInAsync();
        var page = await client.GetDocumentAsync($"/Tasks/{task.Code}");

        app.Breakable.BreakOnce();
        var response = await client.PostAsync($"/Tasks/{task.Code}?handler=Milestone", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", page.AntiforgeryToken()), new("milestone", task.Milestones[0].Id.ToString()),
                new("done", "true"),
            ]));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = BrowserLikeClient.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("出错了", text);
        var number = BrowserLikeClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("code")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(number));
        Assert.Contains(app.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal)
            && line.Contains(number, StringComparison.Ordinal) && line.Contains("IOException", StringComparison.Ordinal));
    }
}
