using LuoshiArchive.Browser.Tests.Infrastructure;

namespace LuoshiArchive.Browser.Tests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.1 A/AA and best practice) on every main page as the office sees it with the demo data: no serious
/// or critical finding. Moderate and minor ones are written to notes.txt beside the screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserApp browser)
{
    public static TheoryData<string> SignedInPages =>
    [
        "/", "/Tasks", "/Tasks/{task}", "/OneTable", "/Meetings", "/Meetings/{meeting}", "/Search?q=长效机制",
        "/Evidence/{evidence}?q=长效机制", "/Inspection?department=1", "/Archive", "/Admin/Organisation", "/Admin/Users", "/Audit", "/Account/Password", "/Account",
        "/Tasks/Edit", "/Tasks/Adjust/{task}", "/Tasks/{task}/Progress", "/OneTable/Import", "/Meetings/Edit",
        "/Documents", "/Documents/Draft?genre=Criticism", "/Supervision", "/SelfChecks", "/SelfChecks/1/2018/6",
        "/Reconciliation", "/Reports/Leader",
    ];

    [Theory]
    [MemberData(nameof(SignedInPages))]
    public async Task A_signed_in_page_has_no_serious_accessibility_problem(string path)
    {
        var url = path.Replace("{task}", browser.Seed.ArchiveTask).Replace("{meeting}", browser.Seed.MeetingId.ToString())
            .Replace("{evidence}", browser.Seed.Notice.Id.ToString());
        await using var s = await browser.OpenSignedInAsync("axe" + Name(path));
        await CheckAsync(s, url);
    }

    [Fact]
    public async Task The_login_page_has_no_serious_accessibility_problem()
    {
        await using var s = await browser.OpenAsync("axe-login");
        await CheckAsync(s, "/Account/Login");
        Assert.Equal("登录落实档案", await s.TextAsync("h1"));
    }

    private static async Task CheckAsync(Session s, string url)
    {
        var response = await s.Page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        Assert.Equal(1, await s.Page.Locator("main").CountAsync());
        Assert.Equal(1, await s.Page.Locator("h1").CountAsync());
        await s.StepAsync("page");
        var (serious, others) = await PageChecks.AccessibilityProblemsAsync(s.Page);
        foreach (var finding in others) s.Note(finding);
        Assert.True(serious.Count == 0, $"{url}:\n" + string.Join("\n", serious));
        Assert.Empty(s.ConsoleErrors);
    }

    private static string Name(string path) =>
        string.Concat(path.Split('?')[0].Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).TrimEnd('-') is { Length: > 0 } n ? n : "-home";
}
