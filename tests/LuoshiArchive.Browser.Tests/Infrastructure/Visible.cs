using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Infrastructure;

/// <summary>A message as a person meets it: shown (a box with a size), its text, its colour, its role for screen readers.</summary>
public sealed record ShownMessage(string Text, LocatorBoundingBoxResult Box, string BorderColor);

/// <summary>Checks of what is on the screen rather than what is in the markup.</summary>
public static class Visible
{
    /// <summary>The one visible element with <paramref name="role"/> (status or alert) in main; fails if none or hidden.</summary>
    public static async Task<ShownMessage> MessageAsync(IPage page, string role)
    {
        var message = page.Locator($"main [role={role}]:visible");
        await message.First.WaitForAsync();
        Assert.Equal(1, await message.CountAsync());
        var box = await message.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 10 }, $"the {role} message is not shown (box {box?.Width}×{box?.Height})");
        var style = await message.EvaluateAsync<JsonElement>("e => ({ border: getComputedStyle(e).borderLeftColor })");
        var text = Regex.Replace(await message.InnerTextAsync(), @"\s+", " ").Trim();
        return new ShownMessage(text, box!, style.GetProperty("border").GetString()!);
    }
}
