using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// Turns query terms into Lucene queries. A term matches where its text occurs as written (as CJK bigrams, like
/// Ctrl-F) in the title or the body, or as a document number; among the matches, whole SmartCn words rank higher,
/// in the title most, so word and title hits come first.
/// </summary>
internal sealed class QueryBuilder(Analyzer analyzer)
{
    public Query ForTerm(QueryTerms.QueryTerm term)
    {
        var matches = new BooleanQuery();
        if (term.IsDocumentNumber)
            matches.Add(new TermQuery(new Term(EvidenceFields.NumberKey, term.Text)) { Boost = 20f }, Occur.SHOULD);
        Add(matches, Phrase(EvidenceFields.TitleBigrams, term.Text), 4f);
        Add(matches, Phrase(EvidenceFields.TextBigrams, term.Text), 1f);

        if (matches.Clauses.Count == 0)
        {
            // Nothing left by the bigram analyzer (an English stop word, say): the words, as a phrase, match.
            Add(matches, Phrase(EvidenceFields.TitleWords, term.Text), 6f);
            Add(matches, Phrase(EvidenceFields.TextWords, term.Text), 2f);
            return matches;
        }

        // The words only rank what already matches. In the body they need not be adjacent: a conjunction of words
        // reads no positions, where a phrase read them for every matching document of a broad query. A quoted phrase
        // ranks by the phrase itself (how often the body holds it, the title): its words scattered over the body
        // say nothing about it, and reading their postings for every match was a fifth of a broad phrase's time.
        var words = new BooleanQuery();
        Add(words, Phrase(EvidenceFields.TitleWords, term.Text), 6f);
        if (!term.IsQuoted) Add(words, AllWords(EvidenceFields.TextWords, term.Text), 2f);
        var clause = new BooleanQuery { { matches, Occur.MUST } };
        if (words.Clauses.Count > 0) clause.Add(words, Occur.SHOULD);
        return clause;
    }

    /// <summary>Documents that match every term (MUST) or at least one (SHOULD).</summary>
    public Query Combine(IReadOnlyList<QueryTerms.QueryTerm> terms, bool all)
    {
        var query = new BooleanQuery();
        foreach (var term in terms) query.Add(ForTerm(term), all ? Occur.MUST : Occur.SHOULD);
        return query;
    }

    private static void Add(BooleanQuery clause, Query? query, float boost)
    {
        if (query is null) return;
        query.Boost = boost;
        clause.Add(query, Occur.SHOULD);
    }

    /// <summary>Every word of the text in the field, anywhere.</summary>
    private Query? AllWords(string field, string text)
    {
        var tokens = Tokens(field, text);
        if (tokens.Count == 0) return null;
        if (tokens.Count == 1) return new TermQuery(new Term(field, tokens[0].Term));
        var all = new BooleanQuery();
        foreach (var token in tokens.Select(t => t.Term).Distinct()) all.Add(new TermQuery(new Term(field, token)), Occur.MUST);
        return all;
    }

    private Query? Phrase(string field, string text)
    {
        var tokens = Tokens(field, text);
        if (tokens.Count == 0) return null;
        if (tokens.Count == 1)
        {
            var single = tokens[0].Term;
            // A lone CJK character is indexed only inside bigrams: find the bigrams that start with it.
            return field.EndsWith("_b", StringComparison.Ordinal) && single.Length == 1 && IsCjk(single[0])
                ? new PrefixQuery(new Term(field, single))
                : new TermQuery(new Term(field, single));
        }
        // A body can be megabytes long: its phrase stops at the first occurrence (FirstPhraseQuery). Titles are short.
        if (field is EvidenceFields.TextBigrams or EvidenceFields.TextWords) return new FirstPhraseQuery(field, tokens);
        var phrase = new PhraseQuery();
        foreach (var (token, position) in tokens) phrase.Add(new Term(field, token), position);
        return phrase;
    }

    private List<(string Term, int Position)> Tokens(string field, string text) => Tokens(analyzer, field, text);

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, with their positions.</summary>
    internal static List<(string Term, int Position)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string Term, int Position)>();
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                tokens.Add((term.ToString(), position));
            }
            stream.End();
        }
        return tokens;
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
