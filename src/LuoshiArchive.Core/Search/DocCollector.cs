using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>Marks the matching documents of one segment (segment-relative ids) in a bit set; scores are not used.</summary>
internal sealed class DocCollector(int maxDoc) : ICollector
{
    public FixedBitSet Docs { get; } = new(Math.Max(1, maxDoc));

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) { }

    public void Collect(int doc) => Docs.Set(doc);
}
