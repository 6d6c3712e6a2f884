using System.Text.RegularExpressions;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// Splits what a user typed into terms: "quoted phrases", document numbers (any bracket form, stray spaces, OCR
/// mix-ups), and whitespace-separated words. Never throws: there is no query syntax to get wrong.
/// </summary>
internal static partial class QueryTerms
{
    /// <summary>A term; <c>IsQuoted</c>: typed in quotes, these characters exactly as written are asked for.</summary>
    internal sealed record QueryTerm(string Text, bool IsDocumentNumber, bool IsQuoted = false);

    /// <summary>What one query may cost: the typed text read up to this length, and this many terms at most.</summary>
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 12;

    public static IReadOnlyList<QueryTerm> Parse(string text)
    {
        if (text.Length > MaxQueryLength) text = text[..MaxQueryLength];
        var terms = new List<QueryTerm>();
        var rest = Quoted().Replace(text, m =>
        {
            var phrase = m.Groups[1].Value.Trim();
            if (phrase.Length > 0)
                terms.Add(new QueryTerm(phrase, DocumentNumbers.Normalise(phrase) is not null, IsQuoted: true));
            return " ";
        });
        var numbers = DocumentNumbers.FindAll(rest).ToList();
        foreach (var (_, _, number) in numbers) terms.Add(new QueryTerm(number, true));
        for (var i = numbers.Count - 1; i >= 0; i--) rest = rest.Remove(numbers[i].Index, numbers[i].Length).Insert(numbers[i].Index, " ");
        foreach (var word in rest.Split([' ', '\u3000', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = word.Trim('"', '“', '”', '，', '。', ',', '、');
            if (trimmed.Length > 0) terms.Add(new QueryTerm(trimmed, false));
        }
        return terms.DistinctBy(t => t.Text).Take(MaxTerms).ToList();
    }

    [GeneratedRegex("[\"“”]([^\"“”]*)[\"“”]")]
    private static partial Regex Quoted();
}
