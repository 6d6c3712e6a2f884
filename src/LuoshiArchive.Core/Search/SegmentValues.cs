using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// One index segment's dates and facet values, read from doc values once and held in arrays. Lucene's doc values
/// are read from disk on every access; a broad search visits every document of the index, so it reads these arrays
/// instead. A segment never changes once written (deletions do not alter its values), so the arrays live as long as
/// the segment, keyed by its core.
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = new();

    /// <summary>Date per document as yyyymmdd (0 when the evidence has none).</summary>
    public long[] Dates { get; }

    /// <summary>Per facet of <see cref="EvidenceFields.Facets"/>, in that order.</summary>
    public Facet[] Facets { get; }

    /// <summary>A multi-valued facet: the ordinals of document d are Ordinals[Starts[d]..Starts[d + 1]].</summary>
    public sealed record Facet(string Field, string[] Values, int[] Starts, int[] Ordinals);

    public static SegmentValues Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    private SegmentValues(AtomicReader reader)
    {
        var max = reader.MaxDoc;
        Dates = new long[max];
        if (reader.GetNumericDocValues(EvidenceFields.DateValue) is { } dates)
            for (var doc = 0; doc < max; doc++) Dates[doc] = dates.Get(doc);
        Facets = EvidenceFields.Facets.Select(field => ReadFacet(reader, field, max)).ToArray();
    }

    private static Facet ReadFacet(AtomicReader reader, string field, int max)
    {
        var starts = new int[max + 1];
        var values = reader.GetSortedSetDocValues(field);
        if (values is null) return new Facet(field, [], starts, []);
        var ordinals = new List<int>(max);
        for (var doc = 0; doc < max; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ordinals.Add((int)ord);
        }
        starts[max] = ordinals.Count;
        var names = new string[values.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, bytes);
            names[ord] = bytes.Utf8ToString();
        }
        return new Facet(field, names, starts, [.. ordinals]);
    }
}
