using LuoshiArchive.Browser.Tests.Infrastructure;

namespace LuoshiArchive.Browser.Tests.Layout;

/// <summary>
/// Every page with a form, at 1366×900 and at 375×812, as a clerk sees it: no field too narrow for what goes in it, no
/// sideways scrolling, and every error on the page announced (role="alert").
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormPagesTests(BrowserApp browser)
{
    public static TheoryData<string> FormPages =>
    [
        "/Tasks", "/Tasks/Edit", "/Tasks/Adjust/{task}", "/Tasks/{task}", "/Tasks/{task}/Progress", "/OneTable",
        "/OneTable/Import", "/Meetings/Edit", "/Meetings/{meeting}", "/Documents", "/Documents/Draft?genre=Commendation",
        "/Documents/Edit/{draft}", "/Documents/Issue/{draft}", "/Search", "/Search?q=长效机制", "/Evidence/{evidence}", "/Inspection", "/Archive",
        "/Admin/Organisation", "/Admin/Users", "/Audit", "/Account/Password", "/Supervision", "/SelfChecks/1/2018/6",
        "/Reconciliation", "/Reports/Leader", "/Assessment", "/Assessment/Scheme", "/Assessment/Task/{task}",
        "/Tasks/Close/{task}", "/Incoming", "/Tasks/Edit?parent={task}", "/Tasks/CarryOver", "/Archive/Import",
    ];

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task Every_field_is_wide_enough_and_the_page_never_scrolls_sideways(string path)
    {
        await using var s = await browser.OpenSignedInAsync("forms" + Name(path), BrowserApp.Laptop);
        await CheckAtBothSizesAsync(s, Url(path));
    }

    [Fact]
    public async Task The_login_form_is_wide_enough_at_both_sizes()
    {
        await using var s = await browser.OpenAsync("forms-login", BrowserApp.Laptop);
        await CheckAtBothSizesAsync(s, "/Account/Login");
    }

    /// <summary>The check itself: a paragraph box squeezed as it was (the level select taking the row) is reported.</summary>
    [Fact]
    public async Task The_squeeze_check_reports_a_paragraph_box_squeezed_by_its_level_select()
    {
        await using var s = await browser.OpenSignedInAsync("forms-squeeze-self-check", BrowserApp.Laptop);
        await s.Page.GotoAsync(Url("/Documents/Edit/{draft}"));
        Assert.Empty(await FormChecks.SqueezedFieldsAsync(s.Page));
        // The old rules, set through the CSSOM (the app's CSP refuses inline style sheets): the select takes the row.
        await s.Page.EvaluateAsync("""
            () => document.querySelectorAll('.paragraph-rows li').forEach(li => {
              li.style.flexWrap = 'nowrap';
              li.querySelector('select').style.cssText = 'width: 100%; flex: 0 1 auto';
              li.querySelector('textarea').style.cssText = 'flex: 1; min-width: 0';
            })
            """);
        await s.StepAsync("squeezed");
        var squeezed = await FormChecks.SqueezedFieldsAsync(s.Page);
        Assert.Contains(squeezed, p => p.StartsWith("textarea[name=Form.Paragraphs[0].Text]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_alert_check_reports_an_error_box_without_role_alert()
    {
        await using var s = await browser.OpenSignedInAsync("forms-alert-self-check", BrowserApp.Laptop);
        await s.Page.GotoAsync("/Tasks");
        Assert.Empty(await FormChecks.UnannouncedErrorsAsync(s.Page));
        await s.Page.EvaluateAsync("() => { const p = document.createElement('p'); p.className = 'errors'; p.textContent = '未保存'; document.querySelector('main').prepend(p); }");
        Assert.Single(await FormChecks.UnannouncedErrorsAsync(s.Page));
    }

    private async Task CheckAtBothSizesAsync(Session s, string url)
    {
        var response = await s.Page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        foreach (var (size, viewport) in new[] { ("1366", BrowserApp.Laptop), ("375", BrowserApp.Phone) })
        {
            await s.Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await s.StepAsync(size);
            var squeezed = await FormChecks.SqueezedFieldsAsync(s.Page);
            Assert.True(squeezed.Count == 0, $"{url} at {size}px: fields too narrow:\n" + string.Join("\n", squeezed));
            await PageChecks.AssertNoHorizontalOverflowAsync(s.Page);
            var unannounced = await FormChecks.UnannouncedErrorsAsync(s.Page);
            Assert.True(unannounced.Count == 0, $"{url}: errors without role=alert:\n" + string.Join("\n", unannounced));
        }
        Assert.Empty(s.ConsoleErrors);
    }

    private string Url(string path) => path.Replace("{task}", browser.Seed.ArchiveTask)
        .Replace("{meeting}", browser.Seed.MeetingId.ToString()).Replace("{evidence}", browser.Seed.Notice.Id.ToString())
        .Replace("{draft}", browser.Seed.DraftDocumentId.ToString());

    private static string Name(string path) =>
        "-" + string.Concat(path.Split('?')[0].Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
}
