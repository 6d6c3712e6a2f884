using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Infrastructure;

/// <summary>
/// One app on Kestrel and one Debian Chromium for all browser tests (starting either costs seconds); every test opens
/// its own browser context, so cookies and sign-ins never leak from one test into another.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's Chromium (scripts/install-test-deps.sh); Playwright's own browser download is never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    /// <summary>The office's usual laptop screen (the size the clerk's report was made at).</summary>
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    private IPlaywright? _playwright;

    public LuoshiKestrelFactory App { get; } = new();
    public Uri BaseUrl { get; private set; } = null!;
    public Seed Seed { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/install-test-deps.sh (installs Debian's chromium).");
        BaseUrl = App.Start();
        Seed = await Seed.LoadAsync(App);
        // The first request pays for start-up work (page compilation, JIT); pay it here, not inside the first test.
        using (var warmUp = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(2) })
            (await warmUp.GetAsync("/Account/Login")).EnsureSuccessStatusCode();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser (own cookies) showing pages at <paramref name="viewport"/>; screenshots go to the journey's folder.</summary>
    public Task<Session> OpenAsync(string journey, ViewportSize? viewport = null) => OpenAsync(journey, viewport, storageState: null);

    /// <summary>
    /// A fresh browser already signed in as the administrator: the cookies of one sign-in through the login page are
    /// reused (signing in again for each of dozens of checks would only cost time; the journeys sign in themselves).
    /// </summary>
    public async Task<Session> OpenSignedInAsync(string journey, ViewportSize? viewport = null, bool script = true)
    {
        if (_adminCookies is null)
        {
            await using var first = await OpenAsync(journey + "-signin", viewport);
            await first.SignInAsync();
            _adminCookies = await first.Context.StorageStateAsync();
            Directory.Delete(Path.Combine(Session.ScreenshotRoot, journey + "-signin"), recursive: true);
        }
        return await OpenAsync(journey, viewport, _adminCookies, script);
    }

    private string? _adminCookies;

    private async Task<Session> OpenAsync(string journey, ViewportSize? viewport, string? storageState, bool script = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            StorageState = storageState,
            BaseURL = BaseUrl.ToString(),
            ViewportSize = viewport ?? Desktop,
            AcceptDownloads = true,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            JavaScriptEnabled = script,
        });
        // Generous: the machine has 2 cores, and `dotnet test` of the solution runs the other test projects (LibreOffice,
        // OCR) at the same time. A step that really hangs still fails, after a minute.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return new Session(context, await context.NewPageAsync(), journey);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    /// <summary>All browser tests share one app and one browser and run one after another (2 cores).</summary>
    public const string Name = "browser";
}
