using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// Turns query terms into Lucene queries. A term matches if its text occurs contiguously (as bigrams, like Ctrl-F)
/// or as SmartCn words; words, titles and document numbers score higher, so whole-word and title hits rank first.
/// </summary>
internal sealed class QueryBuilder(Analyzer analyzer)
{
    public Query ForTerm(QueryTerms.QueryTerm term)
    {
        var clause = new BooleanQuery();
        if (term.IsDocumentNumber)
            clause.Add(new TermQuery(new Term(EvidenceFields.NumberKey, term.Text)) { Boost = 20f }, Occur.SHOULD);
        Add(clause, EvidenceFields.TitleWords, term.Text, 6f);
        Add(clause, EvidenceFields.TitleBigrams, term.Text, 4f);
        Add(clause, EvidenceFields.TextWords, term.Text, 2f);
        Add(clause, EvidenceFields.TextBigrams, term.Text, 1f);
        return clause;
    }

    /// <summary>Documents that match every term (MUST) or at least one (SHOULD).</summary>
    public Query Combine(IReadOnlyList<QueryTerms.QueryTerm> terms, bool all)
    {
        var query = new BooleanQuery();
        foreach (var term in terms) query.Add(ForTerm(term), all ? Occur.MUST : Occur.SHOULD);
        return query;
    }

    private void Add(BooleanQuery clause, string field, string text, float boost)
    {
        var query = Phrase(field, text);
        if (query is null) return;
        query.Boost = boost;
        clause.Add(query, Occur.SHOULD);
    }

    private Query? Phrase(string field, string text)
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
        if (tokens.Count == 0) return null;
        if (tokens.Count == 1)
        {
            var single = tokens[0].Term;
            // A lone CJK character is indexed only inside bigrams: find the bigrams that start with it.
            return field.EndsWith("_b", StringComparison.Ordinal) && single.Length == 1 && IsCjk(single[0])
                ? new PrefixQuery(new Term(field, single))
                : new TermQuery(new Term(field, single));
        }
        var phrase = new PhraseQuery();
        foreach (var (token, position) in tokens) phrase.Add(new Term(field, token), position);
        return phrase;
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
