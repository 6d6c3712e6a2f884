using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>Marks the matching documents (top-level ids) in a bit set; scores are not asked for.</summary>
internal sealed class DocCollector(int maxDoc) : ICollector
{
    private int _docBase;

    public FixedBitSet Docs { get; } = new(Math.Max(1, maxDoc));

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc) => Docs.Set(_docBase + doc);
}
