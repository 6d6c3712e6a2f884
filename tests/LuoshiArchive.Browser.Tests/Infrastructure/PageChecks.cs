using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Infrastructure;

/// <summary>What a person would notice: the page is wider than the screen, a control cannot be reached, axe's findings.</summary>
public static class PageChecks
{
    /// <summary>
    /// Whether the page scrolls sideways (document wider than the window), with the elements that stick out on the
    /// right, for the failure message. Tables may be wider when they scroll inside their own wrapper.
    /// </summary>
    public static async Task<(bool Overflows, int ScrollWidth, int InnerWidth, string Culprits)> HorizontalOverflowAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>("""
            () => {
              const width = window.innerWidth;
              const culprits = [];
              // In a box that scrolls or clips sideways (a wide table, the phone's menu row), what sticks out is scrolled.
              const inScrollBox = e => {
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
                  if (getComputedStyle(a).overflowX !== 'visible') return true;
                return false;
              };
              for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                // Inside a scroll box only what is absolutely positioned can widen the page (its containing block may be outside).
                if (r.right > width + 1 && (!inScrollBox(e) || getComputedStyle(e).position === 'absolute')) {
                  culprits.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '') + ' right=' + Math.round(r.right));
                  if (culprits.length >= 8) break;
                }
              }
              return { scroll: document.scrollingElement.scrollWidth, inner: width, culprits: culprits.join('; ') };
            }
            """);
        var scroll = result.GetProperty("scroll").GetInt32();
        var inner = result.GetProperty("inner").GetInt32();
        return (scroll > inner, scroll, inner, result.GetProperty("culprits").GetString() ?? "");
    }

    public static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var (overflows, scroll, inner, culprits) = await HorizontalOverflowAsync(page);
        Assert.False(overflows, $"{page.Url}: page is {scroll}px wide in a {inner}px window; sticking out: {culprits}");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails after <paramref name="max"/> presses, listing what got it.</summary>
    public static async Task<int> TabToAsync(IPage page, ILocator target, int max = 60, string key = "Tab")
    {
        var visited = new List<string>();
        for (var i = 1; i <= max; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return i;
            visited.Add(await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e ? e.tagName.toLowerCase() + ':' + (e.getAttribute('aria-label') || e.textContent || e.name || '').trim().slice(0, 20) : '-'; }"));
        }
        Assert.Fail($"{key} did not reach the control after {max} presses; focus went: {string.Join(" → ", visited)}");
        return max;
    }

    public static async Task<bool> HasFocusAsync(ILocator target) =>
        await target.EvaluateAsync<bool>("e => e === document.activeElement");

    /// <summary>
    /// Runs axe-core once on the page (embedded in Deque.AxeCore.Commons: nothing is downloaded), every rule of WCAG 2.1
    /// A/AA and best practice: the serious and critical findings, which fail a test, and the others, which are noted.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Serious, IReadOnlyList<string> Others)> AccessibilityProblemsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
            // Only the failures come back with their nodes: the passes of a big table page are megabytes of JSON.
            ResultTypes = [ResultType.Violations],
        });
        string Describe(AxeResultItem v) => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}";
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        return (serious.Select(Describe).ToList(), result.Violations.Except(serious).Select(Describe).ToList());
    }
}
