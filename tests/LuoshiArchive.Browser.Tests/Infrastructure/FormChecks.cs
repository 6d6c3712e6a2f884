using System.Text.Json;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Infrastructure;

/// <summary>
/// What a person filling a form would stumble over: a field too narrow to show what goes in it (a 15 px paragraph box),
/// and an error that looks like any other message and is not announced (no role="alert").
/// </summary>
public static class FormChecks
{
    /// <summary>A paragraph of an official document needs a box a person can read and write in (at 1366 px).</summary>
    public const int ParagraphMinWidth = 300;

    /// <summary>
    /// Every visible text field, text area and select in main that is narrower than its content needs, as
    /// "name: 15px &lt; 300px needed". What a field needs: a select its longest choice plus the arrow; a text field its
    /// value (or placeholder) up to 16 characters, and at least 6; a date field the whole date; a text area at least
    /// 10 characters per line, a document paragraph <see cref="ParagraphMinWidth"/> px when the window is wide. No field
    /// needs more than the 85 % of main's width that a form can give it (a phone).
    /// </summary>
    public static async Task<IReadOnlyList<string>> SqueezedFieldsAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("""
            (paragraphMin) => {
              const ctx = document.createElement('canvas').getContext('2d');
              const main = document.querySelector('main');
              const ms = getComputedStyle(main);
              const room = 0.85 * (main.clientWidth - parseFloat(ms.paddingLeft) - parseFloat(ms.paddingRight));
              const skip = ['hidden', 'checkbox', 'radio', 'submit', 'button', 'reset', 'image', 'file', 'range', 'color'];
              const problems = [];
              for (const el of main.querySelectorAll('input, select, textarea')) {
                if (el.tagName === 'INPUT' && skip.includes(el.type)) continue;
                const r = el.getBoundingClientRect();
                const cs = getComputedStyle(el);
                if (r.height < 2 || cs.visibility === 'hidden' || el.closest('[hidden], .visually-hidden')) continue;
                ctx.font = cs.font;
                const text = t => ctx.measureText(t).width;
                const em = parseFloat(cs.fontSize);
                const chrome = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
                  .reduce((s, p) => s + parseFloat(cs[p]), 0);
                let need;
                if (el.tagName === 'SELECT') {
                  need = Math.max(0, ...[...el.options].map(o => text(o.text))) + chrome + 1.2 * em;
                } else if (el.tagName === 'TEXTAREA') {
                  need = /Paragraphs\[\d+\]\.Text$/.test(el.name) && window.innerWidth >= 1024 ? paragraphMin : 10 * em + chrome;
                } else if (el.type === 'date') {
                  need = text('2018/06/15') + chrome + 1.5 * em;
                } else if (el.type === 'number') {
                  need = Math.max(text(el.value || el.placeholder || ''), 3 * em) + chrome + 1.2 * em;
                } else {
                  need = Math.min(Math.max(text(el.value || el.placeholder || ''), 6 * em), 16 * em) + chrome;
                }
                need = Math.min(need, room);
                if (r.width + 1 < need)
                  problems.push(`${el.tagName.toLowerCase()}[name=${el.name || el.id}]: ${Math.round(r.width)}px < ${Math.round(need)}px needed`);
              }
              return problems;
            }
            """, ParagraphMinWidth)).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>Visible error boxes (class errors/error/field-error) that are neither role="alert" nor inside one.</summary>
    public static async Task<IReadOnlyList<string>> UnannouncedErrorsAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('main .errors, main .error, main .field-error')]
              .filter(e => e.getBoundingClientRect().height > 0 && !e.closest('[role=alert]'))
              .map(e => e.outerHTML.slice(0, 120))
            """)).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The visible alerts' text, whitespace collapsed (what a screen reader announces).</summary>
    public static async Task<IReadOnlyList<string>> AlertsAsync(IPage page) =>
        (await page.Locator("[role=alert]:visible").AllInnerTextsAsync())
            .Select(t => System.Text.RegularExpressions.Regex.Replace(t, @"\s+", " ").Trim()).ToList();
}
