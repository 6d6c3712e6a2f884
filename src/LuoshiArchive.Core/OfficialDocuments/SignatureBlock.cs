using LuoshiArchive.Core.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// 署名 and 成文日期 without a seal, one issuing body (GB/T 9704 §7.3.5.2): one blank line under the body (or the
/// 附件说明); the signature two characters from the right; the date on the next line, its first character two
/// characters right of the signature's first; when that would bring the date closer than two characters to the right
/// edge, the date stands two characters from the right and the signature moves left to keep the relation. Then the
/// 附注 in （）, indented two characters. The lines are kept with the text before them, so neither the date nor the
/// 附注 is left alone on a page.
/// </summary>
public static class SignatureBlock
{
    public const int CharactersPerLine = 28;

    /// <summary>Where the signature and the date start, in characters from the left edge of the type area.</summary>
    public static (double Signature, double Date) Starts(string signature, string date)
    {
        var signatureWidth = Width(signature);
        var dateWidth = Width(date);
        var signatureStart = CharactersPerLine - 2 - signatureWidth;
        var dateStart = signatureStart + 2;
        if (dateStart + dateWidth > CharactersPerLine - 2)
        {
            dateStart = CharactersPerLine - 2 - dateWidth;
            signatureStart = dateStart - 2;
        }
        return (Math.Max(0, signatureStart), Math.Max(0, dateStart));
    }

    public static IEnumerable<Paragraph> Paragraphs(DocumentSpec spec)
    {
        var date = ChineseDates.Format(spec.Date);
        var (signatureStart, dateStart) = Starts(spec.Signature.Trim(), date);
        var note = spec.Note.Trim().Length > 0;
        yield return Kept(new Paragraph());
        yield return Kept(At(signatureStart, spec.Signature.Trim()));
        var dateLine = At(dateStart, date);
        yield return note ? Kept(dateLine) : dateLine;
        if (note)
            yield return new Paragraph(new ParagraphProperties(new Indentation { Left = OfficialPage.TwoCharacterIndent.ToString() }),
                OfficialPage.Text(Note(spec.Note)));
    }

    /// <summary>附注 in full-width parentheses.</summary>
    public static string Note(string note)
    {
        var t = note.Trim().TrimStart('(', '（').TrimEnd(')', '）');
        return $"（{t}）";
    }

    /// <summary>
    /// Printed width in body characters: full-width characters 1, digits and Latin letters ½, and the fifth of a
    /// character Word and LibreOffice put between Chinese and digits (3.2 pt measured in "2018年10月8日").
    /// </summary>
    public static double Width(string text)
    {
        static bool Half(char c) => c < 0x2E80;
        var width = text.Sum(c => Half(c) ? 0.5 : 1.0);
        for (var i = 1; i < text.Length; i++)
            if (Half(text[i]) != Half(text[i - 1]) && char.IsLetterOrDigit(text[i]) && char.IsLetterOrDigit(text[i - 1])) width += 0.2;
        return width;
    }

    /// <summary>Keep-with-next on a paragraph (keeps the closing line, signature, date and 附注 on one page).</summary>
    public static Paragraph Kept(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        properties.KeepNext = new KeepNext();
        return paragraph;
    }

    private static Paragraph At(double start, string text) =>
        new(new ParagraphProperties(new Indentation { Left = ((int)Math.Round(start * OfficialDocumentWriter.CharacterWidth)).ToString() },
                new Justification { Val = JustificationValues.Left }),
            OfficialPage.Text(text));
}
