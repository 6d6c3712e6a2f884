using System.Text;
using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Layout;

/// <summary>
/// Printing (print.css): the one-table view, a dossier and the inspection report come out on A4 landscape without the
/// navigation, forms and buttons; the PDF that Chromium prints is kept beside the screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintTests(BrowserApp browser)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "onetable", "/OneTable", "table.onetable" },
        { "dossier", "/Tasks/{task}", "section[aria-labelledby=h-dossier] table" },
        { "inspection", "/Inspection?department=1", "main table.data" },
        { "meetings", "/Meetings", "section[aria-labelledby=h-list] table" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_printed_page_is_A4_landscape_without_navigation_or_forms(string name, string path, string table)
    {
        await using var s = await browser.OpenSignedInAsync("print-" + name);
        var page = s.Page;
        await page.GotoAsync(path.Replace("{task}", browser.Seed.ArchiveTask));
        Assert.True(await page.Locator(".site-header").IsVisibleAsync());

        // Printed, the page is A4 landscape less the margins: 277 mm ≈ 1047 CSS pixels wide.
        await page.SetViewportSizeAsync(1047, 740);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await s.StepAsync("print-media");
        Assert.False(await page.Locator(".site-header").IsVisibleAsync(), "the header and navigation are printed");
        foreach (var form in await page.Locator("main form").AllAsync())
            Assert.False(await form.IsVisibleAsync(), "a form is printed");
        foreach (var button in await page.Locator("main button, main .button").AllAsync())
            Assert.False(await button.IsVisibleAsync(), $"a button is printed: {await button.InnerTextAsync()}");
        Assert.True(await page.Locator(table).First.IsVisibleAsync(), "the table itself is not printed");
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        var right = await page.Locator(table).First.EvaluateAsync<double>("t => t.getBoundingClientRect().right");
        Assert.True(right <= 1047, $"the printed table is {right}px wide: cut off at the page edge");

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = false });
        await File.WriteAllBytesAsync(Path.Combine(Session.ScreenshotRoot, "print-" + name, name + ".pdf"), pdf);
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text);
        // A4 landscape is 297 × 210 mm = 841.9 × 595.3 points.
        var box = Regex.Match(text, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]");
        Assert.True(box.Success, "no MediaBox in the PDF");
        Assert.InRange(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 840, 843);
        Assert.InRange(double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 594, 597);
    }
}
