using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// The readable text of an HTML page (saved pages of a government site): scripts, styles and tags removed, block
/// elements as line breaks, entities decoded; the charset from the BOM, the meta tag, or UTF-8/GB18030 detection.
/// </summary>
internal static partial class HtmlText
{
    public static string Read(byte[] bytes)
    {
        var html = TextDecoding.Decode(bytes, out var detected);
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        if (Charset().Match(head) is { Success: true } m && !detected.WebName.StartsWith("utf-16", StringComparison.Ordinal))
        {
            try
            {
                var declared = Encoding.GetEncoding(m.Groups[1].Value);
                if (declared.WebName != detected.WebName) html = declared.GetString(bytes);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: keep the detected decoding.
            }
        }
        html = Hidden().Replace(html, " ");
        html = Blocks().Replace(html, "\n");
        html = Tags().Replace(html, "");
        var text = WebUtility.HtmlDecode(html);
        return string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    [GeneratedRegex(@"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<\s*(br|/p|/div|/h[1-6]|/li|/tr|/table|/title|p|div|h[1-6]|li|tr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Blocks();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();
}
