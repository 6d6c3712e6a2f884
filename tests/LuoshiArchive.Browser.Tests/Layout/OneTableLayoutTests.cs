using System.Text.Json;
using LuoshiArchive.Browser.Tests.Infrastructure;

namespace LuoshiArchive.Browser.Tests.Layout;

/// <summary>
/// Issue 18, defect 11: /OneTable at 1366 px wrapped its 20 columns a character a line (周/建/平); on a phone the
/// 16 menu links filled 40 % of the first screen and "按 Ctrl+P" was shown. Measured in the browser, as seen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OneTableLayoutTests(BrowserApp browser)
{
    // Each column's width in em of its own text, and whether a code/date/status cell's text stays on one line.
    private const string Measure = """
        () => {
          const heads = [...document.querySelectorAll('table.onetable thead th')];
          const row = document.querySelector('table.onetable tbody tr');
          return heads.map((th, i) => {
            const cell = row.cells[i];
            const range = document.createRange();
            range.selectNodeContents(cell);
            const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            return { name: th.textContent.trim(), em: th.getBoundingClientRect().width / parseFloat(getComputedStyle(th).fontSize),
                     text: cell.innerText.trim(), lines: lines.size };
          });
        }
        """;

    [Fact]
    public async Task At_1366_px_the_columns_are_readable_and_the_table_scrolls_in_its_own_box()
    {
        await using var s = await browser.OpenSignedInAsync("onetable-1366", BrowserApp.Laptop);
        await s.Page.GotoAsync("/OneTable");
        await s.StepAsync("onetable");
        var columns = (await s.Page.EvaluateAsync<JsonElement>(Measure)).EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        double Em(string column) => columns[column].GetProperty("em").GetDouble();

        Assert.True(Em("任务名称") >= 14, $"任务名称 is {Em("任务名称"):0.0} em wide");
        foreach (var text in new[] { "目标任务", "工作标准", "工作措施", "预期成果", "时间节点", "进展情况" })
            Assert.True(Em(text) >= 10, $"{text} is {Em(text):0.0} em wide");
        foreach (var name in new[] { "清单类别", "任务来源", "牵头处室", "责任人", "分管委领导" })
            Assert.True(Em(name) >= 5, $"{name} is {Em(name):0.0} em wide");
        // Codes, dates and status are never broken inside.
        foreach (var token in new[] { "任务编号", "年度", "完成时限", "状态" })
        {
            var column = columns[token];
            if (column.GetProperty("text").GetString()!.Length == 0) continue;
            Assert.True(column.GetProperty("lines").GetInt32() == 1,
                $"{token} “{column.GetProperty("text").GetString()}” is broken over {column.GetProperty("lines").GetInt32()} lines");
        }
        // The page itself does not scroll sideways: the table does, in its box, and a keyboard can reach that box.
        await PageChecks.AssertNoHorizontalOverflowAsync(s.Page);
        var box = s.Page.Locator(".table-scroll");
        Assert.True(await box.EvaluateAsync<bool>("b => b.scrollWidth > b.clientWidth"), "the table was squeezed into the page");
        Assert.Equal("0", await box.GetAttributeAsync("tabindex"));
        Assert.True(await s.Page.Locator(".print-hint").IsVisibleAsync(), "the Ctrl+P hint is missing on a desktop");
    }

    [Fact]
    public async Task On_a_phone_the_menu_takes_one_row_and_no_Ctrl_P_hint_is_shown()
    {
        await using var s = await browser.OpenSignedInAsync("onetable-phone", BrowserApp.Phone);
        await s.Page.GotoAsync("/OneTable");
        await s.StepAsync("header");
        var header = await s.Page.Locator(".site-header").BoundingBoxAsync();
        Assert.NotNull(header);
        Assert.True(header.Height <= BrowserApp.Phone.Height * 0.2,
            $"the header takes {header.Height:0} of {BrowserApp.Phone.Height} px of the first screen");
        Assert.False(await s.Page.Locator(".print-hint").IsVisibleAsync(), "“按 Ctrl+P” is shown on a phone");
        // Every menu link is still there: scrolled into view in its row, it lies inside the screen.
        var links = await s.Page.Locator("nav[aria-label=主导航] a").AllAsync();
        Assert.True(links.Count >= 10, $"{links.Count} menu links");
        foreach (var link in links)
        {
            await link.ScrollIntoViewIfNeededAsync();
            var box = await link.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= BrowserApp.Phone.Width,
                $"{await link.InnerTextAsync()} at x={box?.X}");
        }
        await PageChecks.AssertNoHorizontalOverflowAsync(s.Page);
    }
}
