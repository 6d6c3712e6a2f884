using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// How a piece of evidence is laid out in the index. Each text is indexed twice: "*_w" with SmartCn words (ranking)
/// and "*_b" with CJK bigrams (any fragment of two or more characters is found, as Ctrl-F would).
/// </summary>
internal static class EvidenceFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string TitleWords = "title_w";
    public const string TitleBigrams = "title_b";
    public const string Number = "number";
    public const string NumberKey = "number_k";
    public const string TextWords = "text_w";
    public const string TextBigrams = "text_b";
    public const string Text = "text";
    /// <summary>How many parts of <see cref="TextPartLength"/> characters the body has; stored just before them.</summary>
    public const string TextParts = "text_parts";
    public const int TextPartLength = 4096;
    public const string Date = "date";
    public const string DateValue = "date_v";
    public const string Kind = "kind";
    public const string Task = "task";
    public const string Year = "year";
    public const string ListKind = "listKind";
    public const string Department = "department";

    /// <summary>The facet keys of <see cref="SearchResult.Facets"/>, each indexed as a keyword with doc values.</summary>
    public static readonly string[] Facets = [Year, Task, ListKind, Department, Kind];

    public static Term IdTerm(int id) => new(Id, id.ToString(CultureInfo.InvariantCulture));

    public static int DateNumber(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static Document ToDocument(IndexedEvidence e)
    {
        var doc = new Document
        {
            new StringField(Id, e.EvidenceId.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StoredField(Title, e.Title),
            new TextField(TitleWords, e.Title, Field.Store.NO),
            new TextField(TitleBigrams, e.Title, Field.Store.NO),
            new StoredField(Number, e.Number),
            new StringField(NumberKey, e.Number, Field.Store.NO),
            // Read from the text in place: joined with the author, a 25 MB body was copied twice more (100 MB).
            new TextField(TextWords, new JoinedReader(e.Text, "\n", e.Author ?? "")),
            new TextField(TextBigrams, new JoinedReader(e.Text, "\n", e.Author ?? "")),
        };
        if (e.Date is { } date)
        {
            doc.Add(new StoredField(Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            doc.Add(new Int32Field(DateValue, DateNumber(date), Field.Store.NO));
            doc.Add(new NumericDocValuesField(DateValue, DateNumber(date)));
        }
        AddKeyword(doc, Kind, e.Kind, store: true);
        foreach (var code in e.TaskCodes.Distinct()) AddKeyword(doc, Task, code, store: true);
        foreach (var year in e.Years.Distinct()) AddKeyword(doc, Year, year.ToString(CultureInfo.InvariantCulture), store: false);
        foreach (var kind in e.ListKinds.Distinct()) AddKeyword(doc, ListKind, kind, store: false);
        foreach (var department in e.Departments.Distinct()) AddKeyword(doc, Department, department, store: false);
        // The body is stored so snippets come from the index alone (Lucene compresses stored fields); last and in
        // parts, so a hit reads only the start it shows (HitFields), whatever the length of the text.
        var parts = new List<string>();
        for (var at = 0; at < e.Text.Length;)
        {
            var length = Math.Min(TextPartLength, e.Text.Length - at);
            // Keep a surrogate pair whole.
            if (at + length < e.Text.Length && char.IsHighSurrogate(e.Text[at + length - 1])) length--;
            parts.Add(e.Text.Substring(at, length));
            at += length;
        }
        doc.Add(new StoredField(TextParts, parts.Count));
        foreach (var part in parts) doc.Add(new StoredField(Text, part));
        return doc;
    }

    private static void AddKeyword(Document doc, string field, string value, bool store)
    {
        if (string.IsNullOrEmpty(value)) return;
        doc.Add(new StringField(field, value, store ? Field.Store.YES : Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
}

/// <summary>Reads several strings one after another without joining them into a new string.</summary>
internal sealed class JoinedReader(params string[] parts) : TextReader
{
    private int _part;
    private int _at;

    public override int Peek()
    {
        SkipEnded();
        return _part < parts.Length ? parts[_part][_at] : -1;
    }

    public override int Read()
    {
        var c = Peek();
        if (c >= 0) _at++;
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        SkipEnded();
        if (_part == parts.Length || buffer.Length == 0) return 0;
        var n = Math.Min(buffer.Length, parts[_part].Length - _at);
        parts[_part].AsSpan(_at, n).CopyTo(buffer);
        _at += n;
        return n;
    }

    private void SkipEnded()
    {
        while (_part < parts.Length && _at >= parts[_part].Length) (_part, _at) = (_part + 1, 0);
    }
}
