using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// The GB/T 9704-2012 page in OOXML numbers (STANDARDS.md): A4, margins 37/35/28/26 mm, 22 lines of 28 characters of
/// 3号 (16 pt) text: exact 579-twip line pitch and −0.25 pt character spacing on body runs.
/// </summary>
public static class OfficialPage
{
    public const int LinePitch = 579;
    public const int BodySize = 32;          // half-points: 三号
    public const int MarkSize = 44;          // 二号 (the mark may be larger; 二号 keeps it on one line)
    public const int TwoCharacterIndent = 640;
    public const string Red = "FF0000";
    public const string FangSong = "仿宋_GB2312";
    public const string XiaoBiaoSong = "方正小标宋简体";
    public const string HeiTi = "黑体";

    public static SectionProperties Section() => new(
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch });

    public static Styles Styles() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = FangSong, HighAnsi = FangSong, EastAsia = FangSong, Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = BodySize.ToString() }, new FontSizeComplexScript { Val = BodySize.ToString() }, SimplifiedChinese())),
        // Widow/orphan control off: every page carries its full 22 lines, as the grid requires.
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
            new WidowControl { Val = false },
            new SpacingBetweenLines { Line = LinePitch.ToString(), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))));

    public static Run Text(string text, string font = FangSong, int size = BodySize, string? color = null, bool bodySpacing = true)
    {
        var properties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, Hint = FontTypeHintValues.EastAsia });
        if (color is not null) properties.Append(new Color { Val = color });
        if (bodySpacing) properties.Append(new Spacing { Val = -5 });
        properties.Append(new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() }, SimplifiedChinese());
        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>
    /// <c>w:lang w:eastAsia="zh-CN"</c>: without it LibreOffice takes Japanese glyph forms (Noto Sans CJK JP) for
    /// the Chinese text; with it, and the fontconfig names of deploy/fontconfig, the Simplified Chinese faces.
    /// </summary>
    public static Languages SimplifiedChinese() => new() { Val = "zh-CN", EastAsia = "zh-CN" };

    public static Paragraph Centered(params Run[] runs)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        paragraph.Append(runs);
        return paragraph;
    }

    public static Paragraph Body(string text, string font = FangSong) =>
        new(new ParagraphProperties(new Indentation { FirstLine = TwoCharacterIndent.ToString() },
            new Justification { Val = JustificationValues.Both }), Text(text, font));

    public static Paragraph Blank() => new();

    /// <summary>The red separator: a full-width bottom border on an empty paragraph.</summary>
    public static Paragraph RedLine() => new(new ParagraphProperties(
        new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Color = Red, Space = 1 })));
}
