using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Infrastructure;

/// <summary>
/// One user at one browser: signs in through the login page like a person, and saves a full-page screenshot at every
/// step of a journey under TestResults/screenshots/&lt;journey&gt;/&lt;nn-step&gt;.png in the test output folder.
/// It also collects what the page says went wrong (console errors, e.g. a CSP refusal), which tests assert is nothing.
/// </summary>
public sealed class Session : IAsyncDisposable
{
    private readonly string _folder;
    private int _step;

    public Session(IBrowserContext context, IPage page, string journey)
    {
        Context = context;
        Page = page;
        _folder = Path.Combine(ScreenshotRoot, journey);
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        Directory.CreateDirectory(_folder);
        page.Console += (_, message) => { if (message.Type == "error") ConsoleErrors.Add($"{message.Text} ({message.Location})"); };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
    }

    public static string ScreenshotRoot { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> ConsoleErrors { get; } = [];
    public IReadOnlyList<string> Screenshots => Directory.GetFiles(_folder, "*.png").Order().ToList();

    /// <summary>Saves the screenshot of this step as nn-name.png.</summary>
    public async Task StepAsync(string name)
    {
        var file = Path.Combine(_folder, $"{++_step:00}-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    /// <summary>Signs in on the login page (the one already shown, so its return address is kept, or a fresh one).</summary>
    public async Task SignInAsync(string name = Seed.AdminName, string password = Seed.AdminPassword)
    {
        if (!Page.Url.Contains("/Account/Login", StringComparison.Ordinal)) await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("用户名", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(new Regex("/Account/Login"));
    }

    /// <summary>A line in the test's output (xunit shows it with -v n) and in notes.txt beside the screenshots.</summary>
    public void Note(string text)
    {
        File.AppendAllText(Path.Combine(_folder, "notes.txt"), text + Environment.NewLine);
        Console.WriteLine($"[{Path.GetFileName(_folder)}] {text}");
    }

    /// <summary>The text of the first element matching <paramref name="selector"/>, whitespace collapsed.</summary>
    public async Task<string> TextAsync(string selector) =>
        Regex.Replace(await Page.Locator(selector).First.InnerTextAsync(), @"\s+", " ").Trim();

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
