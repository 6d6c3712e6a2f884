using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// Reads what a result line needs from a hit's stored fields: the small fields whole, and of the body only a window
/// from its start: at least <see cref="MinWindow"/> characters, more until a query term has shown up, never more than
/// <see cref="MaxWindow"/>. The body is stored last, in parts of <see cref="EvidenceFields.TextPartLength"/>
/// characters, so reading stops there (Lucene's visitor STOP) and a 30 MB text costs what its first window costs.
/// An index written before the parts (one stored body, not last) is read as before and cut to the window.
/// </summary>
internal sealed class HitFields(IReadOnlyList<QueryTerms.QueryTerm> terms) : DocumentStoredFieldVisitor
{
    public const int MinWindow = 16 * 1024;
    public const int MaxWindow = 128 * 1024;

    private readonly StringBuilder _text = new();
    private bool _partsFollow;
    private bool _matched;

    /// <summary>The start of the body that was read (at most <see cref="MaxWindow"/> characters).</summary>
    public string Window => _text.Length > MaxWindow ? _text.ToString(0, MaxWindow) : _text.ToString();

    public override Status NeedsField(FieldInfo fieldInfo)
    {
        if (fieldInfo.Name == EvidenceFields.TextParts) { _partsFollow = true; return Status.NO; }
        if (fieldInfo.Name != EvidenceFields.Text) return base.NeedsField(fieldInfo);
        var enough = terms.Count == 0 || _text.Length >= MaxWindow || (_matched && _text.Length >= MinWindow);
        if (!enough) return Status.YES;
        // Only the body's parts come after their marker: nothing else to read.
        return _partsFollow ? Status.STOP : Status.NO;
    }

    public override void StringField(FieldInfo fieldInfo, string value)
    {
        if (fieldInfo.Name != EvidenceFields.Text)
        {
            base.StringField(fieldInfo, value);
            return;
        }
        var from = Math.Max(0, _text.Length - 32); // a term cut by the part boundary
        _text.Append(value.Length > MaxWindow ? value.AsSpan(0, MaxWindow) : value);
        if (!_matched)
        {
            var recent = _text.ToString(from, _text.Length - from);
            _matched = terms.Any(t => recent.Contains(t.Text, StringComparison.OrdinalIgnoreCase));
        }
    }
}
