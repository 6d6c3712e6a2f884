using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// An exact phrase that matches a document at its first occurrence. Lucene's <see cref="PhraseQuery"/> counts every
/// occurrence in every matching document to score it, reading all positions of all its terms: over a store with long
/// texts a common phrase ("重点任务") read millions of positions per query. This one stops reading a document's
/// positions at the first place where the terms stand side by side, and scores the document as if the phrase occurred
/// as often as its rarest term does there (a frequency the postings give without reading positions). Which documents
/// match is exactly what a PhraseQuery matches; only the ranking among them is approximate.
/// </summary>
internal sealed class FirstPhraseQuery(string field, IReadOnlyList<(string Term, int Position)> terms) : Query
{
    private readonly Term[] _terms = terms.Select(t => new Term(field, t.Term)).ToArray();
    private readonly int[] _positions = terms.Select(t => t.Position).ToArray();

    public override Weight CreateWeight(IndexSearcher searcher) => new PhraseWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> queryTerms) => queryTerms.UnionWith(_terms);

    public override string ToString(string f) =>
        $"{(f == field ? "" : field + ":")}first\"{string.Join(' ', _terms.Select(t => t.Text))}\"^{Boost}";

    public override bool Equals(object? obj) =>
        obj is FirstPhraseQuery other && other.Boost.Equals(Boost) && other._terms.SequenceEqual(_terms)
        && other._positions.SequenceEqual(_positions);

    public override int GetHashCode() =>
        HashCode.Combine(Boost, _terms.Aggregate(0, (h, t) => HashCode.Combine(h, t)), _positions.Sum());

    private sealed class PhraseWeight : Weight
    {
        private readonly FirstPhraseQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly TermContext[] _states;

        public PhraseWeight(FirstPhraseQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _states = query._terms.Select(t => TermContext.Build(searcher.TopReaderContext, t)).ToArray();
            var termStats = query._terms.Select((t, i) => searcher.TermStatistics(t, _states[i])).ToArray();
            var field = query._terms[0].Field;
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(field), termStats);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var fieldTerms = context.AtomicReader.GetTerms(_query._terms[0].Field);
            if (fieldTerms is null) return null;
            var termsEnum = fieldTerms.GetEnumerator();
            var postings = new Postings[_query._terms.Length];
            for (var i = 0; i < postings.Length; i++)
            {
                if (_states[i].Get(context.Ord) is not { } state) return null;
                termsEnum.SeekExact(_query._terms[i].Bytes, state);
                var positions = termsEnum.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE)
                    ?? throw new InvalidOperationException($"字段 {_query._terms[0].Field} 没有位置信息，无法检索词组。");
                postings[i] = new Postings(positions, _query._positions[i], termsEnum.DocFreq);
            }
            // The rarest term leads: the others only jump to the documents it has.
            Array.Sort(postings, (a, b) => a.DocFreq.CompareTo(b.DocFreq));
            return new PhraseScorer(this, postings, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is null || scorer.Advance(doc) != doc)
                return new ComplexExplanation(false, 0f, "no matching phrase");
            var freq = new Explanation(scorer.Freq, "rarest term's freq=" + scorer.Freq);
            var scored = _similarity.GetSimScorer(_stats, context).Explain(doc, freq);
            var result = new ComplexExplanation(true, scored.Value, $"weight({Query} in {doc}), result of:");
            result.AddDetail(scored);
            return result;
        }
    }

    private sealed record Postings(DocsAndPositionsEnum Enum, int Offset, int DocFreq);

    /// <summary>
    /// Visits every document of a broad query (91 % of the index for a common phrase), so nothing is allocated per
    /// document: the enums, offsets and per-term cursors are arrays made once per segment.
    /// </summary>
    private sealed class PhraseScorer : Scorer
    {
        private readonly DocsAndPositionsEnum[] _enums;
        private readonly DocsAndPositionsEnum _lead;
        private readonly int[] _offsets;
        private readonly int[] _left;
        private readonly int[] _at;
        private readonly Similarity.SimScorer _docScorer;
        private int _doc = -1;
        private int _freq;

        public PhraseScorer(Weight weight, Postings[] postings, Similarity.SimScorer docScorer) : base(weight)
        {
            _enums = postings.Select(p => p.Enum).ToArray();
            _lead = _enums[0];
            _offsets = postings.Select(p => p.Offset).ToArray();
            _left = new int[postings.Length];
            _at = new int[postings.Length];
            _docScorer = docScorer;
        }

        public override int DocID => _doc;

        /// <summary>The rarest term's frequency in the current document (from the postings, no positions).</summary>
        public override int Freq => _freq;

        public override float GetScore() => _docScorer.Score(_doc, _freq);

        public override long GetCost() => _lead.GetCost();

        public override int NextDoc() => FirstMatchFrom(_lead.NextDoc());

        public override int Advance(int target) => FirstMatchFrom(_lead.Advance(target));

        /// <summary>From the lead's document <paramref name="doc"/> on, the first one holding the phrase.</summary>
        private int FirstMatchFrom(int doc)
        {
            var enums = _enums;
            while (doc != NO_MORE_DOCS)
            {
                var all = true;
                for (var i = 1; i < enums.Length; i++)
                {
                    var other = enums[i];
                    var at = other.DocID < doc ? other.Advance(doc) : other.DocID;
                    if (at == doc) continue;
                    all = false;
                    if (at == NO_MORE_DOCS) return _doc = NO_MORE_DOCS;
                    doc = _lead.Advance(at);
                    break;
                }
                if (all && StandSideBySide()) return _doc = doc;
                if (all) doc = _lead.NextDoc();
            }
            return _doc = NO_MORE_DOCS;
        }

        /// <summary>
        /// Whether the terms stand at their phrase offsets somewhere in the current document: the lead's positions
        /// in order, each other term's positions read only as far as needed, stopping at the first place that fits.
        /// </summary>
        private bool StandSideBySide()
        {
            var (enums, offsets, left, at) = (_enums, _offsets, _left, _at);
            var freq = int.MaxValue;
            for (var i = 0; i < enums.Length; i++)
            {
                left[i] = enums[i].Freq;
                at[i] = int.MinValue;
                freq = Math.Min(freq, left[i]);
            }
            _freq = freq;
            while (left[0]-- > 0)
            {
                var start = _lead.NextPosition() - offsets[0];
                var fits = true;
                for (var i = 1; i < enums.Length && fits; i++)
                {
                    var wanted = start + offsets[i];
                    var (position, remaining, positions) = (at[i], left[i], enums[i]);
                    while (position < wanted && remaining > 0)
                    {
                        position = positions.NextPosition();
                        remaining--;
                    }
                    (at[i], left[i]) = (position, remaining);
                    if (position < wanted) return false;
                    fits = position == wanted;
                }
                if (fits) return true;
            }
            return false;
        }
    }
}
