using static LuoshiArchive.Core.Tests.OfficialDocuments.Layout.PrintedDocument;

namespace LuoshiArchive.Core.Tests.OfficialDocuments.Layout;

/// <summary>
/// The printed page, measured on the PDF that <c>luoshi doc render --pdf</c> makes of the three example documents
/// (docs/examples): the shared GB/T 9704 measuring scripts (lines per page, characters per line, edges, fonts, the
/// mark's top, the red rule, the 版记-only page) and the project's own measures of the 版记, the signature and date,
/// the page numbers and the fonts.
/// </summary>
[Collection(PdfRenders.Name)]
public sealed class PrintedPageTests(RenderedExamples examples) : IClassFixture<RenderedExamples>
{
    public static TheoryData<string> Documents => new(RenderedExamples.Names);

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_shared_GBT_9704_measures_pass(string name)
    {
        foreach (var script in new[] { "gbt9704_pdf_check.py", "gbt9704_geometry.py" })
        {
            var (exit, report) = examples.Measure(script, name);
            Assert.True(exit == 0, $"{script} {name}:\n{report}");
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_faces_are_Simplified_Chinese_仿宋_小标宋_黑体_and_never_a_Japanese_Korean_or_traditional_variant(string name)
    {
        var fonts = examples[name].Fonts();

        Assert.Contains("FandolFang-Regular", fonts);   // 仿宋_GB2312: body
        Assert.Contains("FandolSong-Bold", fonts);      // 方正小标宋简体: mark and title
        Assert.Contains("FandolHei-Regular", fonts);    // 黑体: 一、 headings, 附件 label
        Assert.DoesNotContain(fonts, f => System.Text.RegularExpressions.Regex.IsMatch(f, "jp|kr|tc|hk|JP|KR|TC|HK"));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_mark_inks_72_mm_from_the_page_top_and_the_red_rule_lies_4_mm_under_the_number(string name)
    {
        var (_, report) = examples.Measure("gbt9704_geometry.py", name);
        var top = double.Parse(System.Text.RegularExpressions.Regex.Match(report, @"mark_top=([\d.]+)mm").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        var gap = double.Parse(System.Text.RegularExpressions.Regex.Match(report, @"rule_gap=([\d.]+)mm").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(top, 71, 73);
        Assert.InRange(gap, 3.5, 4.5);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_版记_sits_inside_the_type_area_at_the_foot_of_the_last_page_between_rules_the_type_areas_width(string name)
    {
        var document = examples[name];
        var last = document.Pages[^1];
        var cc = last.Single(l => l.Text.StartsWith("抄送：", StringComparison.Ordinal));
        var print = last.Single(l => l.Text.EndsWith("印发", StringComparison.Ordinal));
        var printer = last.Single(l => l.Text == "天津市教育委员会办公室");

        // 抄送 and the 印发机关 one 4号 character in from the left, the 印发日期 one character in from the right.
        Assert.InRange(cc.X0, Left + SmallCharacter - 0.8, Left + SmallCharacter + 0.8);
        Assert.InRange(printer.X0, Left + SmallCharacter - 0.8, Left + SmallCharacter + 0.8);
        Assert.InRange(printer.Y0, print.Y0 - 0.5, print.Y0 + 0.5);
        Assert.InRange(print.X1, Right - SmallCharacter - 0.8, Right - SmallCharacter + 0.8);
        Assert.All(last.Where(l => l.Y0 >= cc.Y0 && PageNumber(last) != l), l => Assert.InRange(l.X1, Left, Right));

        var rules = document.Rules(document.Pages.Count).Where(r => r.Y > cc.Y0 - 6).OrderBy(r => r.Y).ToList();
        Assert.Equal(3, rules.Count); // over 抄送, between 抄送 and 印发, under 印发
        Assert.All(rules, r => Assert.InRange(r.X0, Left - 0.5, Left + 0.5));
        Assert.All(rules, r => Assert.InRange(r.X1, Right - 0.5, Right + 0.5));
        Assert.True(rules[0].Thickness > rules[1].Thickness && rules[2].Thickness > rules[1].Thickness,
            $"first and last rules thicker than the middle one: {string.Join(", ", rules.Select(r => r.Thickness.ToString("0.00")))} mm");
        // The last rule on the bottom edge of the type area.
        Assert.InRange(rules[2].Y, Bottom - 1, Bottom + 1);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_版记_shares_the_last_page_with_the_last_text_and_every_page_is_numbered_right_on_odd_and_left_on_even(string name)
    {
        var pages = examples[name].Pages;
        var last = pages[^1];
        Assert.Contains(last, l => !l.Text.Contains("抄送", StringComparison.Ordinal) && !l.Text.EndsWith("印发", StringComparison.Ordinal)
                                   && PageNumber(last) != l && !l.Text.StartsWith("育局", StringComparison.Ordinal) && l.Y1 < Bottom - 25);
        for (var i = 0; i < pages.Count; i++)
        {
            var number = PageNumber(pages[i]);
            Assert.True(number is not null, $"page {i + 1} has no page number");
            Assert.Equal($"—{i + 1}—", number.Text.Replace(" ", ""));
            Assert.InRange(number.Y0, Bottom + 5, Bottom + 9); // 7 mm under the type area
            if (i % 2 == 0) Assert.InRange(number.X1, Right - SmallCharacter - 1.5, Right - SmallCharacter + 1.5);
            else Assert.InRange(number.X0, Left + SmallCharacter - 1.5, Left + SmallCharacter + 1.5);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_signature_stands_two_characters_from_the_right_and_the_date_starts_two_characters_right_of_it(string name)
    {
        var page = examples[name].Pages.First(p => p.Any(l => l.Text == "天津市教育委员会"));
        var signature = page.Single(l => l.Text == "天津市教育委员会");
        var date = page.First(l => l.Y0 > signature.Y0 && System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"^\d{4}年\d+月\d+日$"));

        Assert.InRange(date.Y0 - signature.Y0, 9.5, 11); // the next line
        Assert.InRange(date.X0 - signature.X0, 2 * BodyCharacter - 1, 2 * BodyCharacter + 1);
        // Whichever ends further right stands two characters from the right edge; neither comes closer.
        var right = Math.Max(signature.X1, date.X1);
        Assert.InRange(right, Right - 2 * BodyCharacter - 1.5, Right - 2 * BodyCharacter + 1);
        // Page 1 ... the last page of the body: the signature never stands without body text above it.
        Assert.Contains(page, l => l.Y1 < signature.Y0 - 10 && l.X0 < Left + 3 * BodyCharacter && l.Text.Length > 4);
    }

    [Fact]
    public void A_附注_stays_with_the_date_and_the_closing_line_stays_with_the_signature()
    {
        foreach (var name in new[] { "commendation", "criticism" })
        {
            var page = examples[name].Pages.First(p => p.Any(l => l.Text == "天津市教育委员会"));
            Assert.Contains(page, l => l.Text.StartsWith("（", StringComparison.Ordinal) && l.Text.EndsWith("）", StringComparison.Ordinal)
                                       && l.X0 < Left + 2 * BodyCharacter + 1);
            Assert.Contains(page, l => l.Text.StartsWith("附件：", StringComparison.Ordinal));
        }
        Assert.Contains(examples["commendation"].Pages.First(p => p.Any(l => l.Text == "天津市教育委员会")), l => l.Text == "特此通报。");
    }

    [Fact]
    public void The_附件说明_reads_as_the_standard_and_table_headers_and_short_entries_are_not_broken()
    {
        var commendation = examples["commendation"].Pages.SelectMany(p => p).Select(l => l.Text).ToList();
        Assert.Contains("附件：1.受表扬处室（单位）名单", commendation);
        Assert.Contains("2.2018年度按期完成的重点任务清单", commendation);

        var criticism = examples["criticism"].Pages[^1].Select(l => l.Text).ToList();
        foreach (var header in new[] { "任务名称", "牵头处室", "时间节点", "整改时限" })
            Assert.Contains(criticism, t => t.Contains(header, StringComparison.Ordinal));
        Assert.Contains(criticism, t => t.Contains("政策法规处", StringComparison.Ordinal));
        var seed = examples["seed-notice"].Pages[^1].Select(l => l.Text).ToList();
        foreach (var header in new[] { "任务名称", "任务来源", "目标任务", "完成情况" }) Assert.Contains(header, seed);
    }

    [Fact]
    public void A_title_prints_on_the_lines_it_was_broken_into_between_words()
    {
        var title = "关于对政策法规处等处室重点任务逾期未完成情况的通报";
        var first = examples["criticism"].Pages[0].Select(l => l.Text).ToList();

        var lines = Core.OfficialDocuments.TitleLines.Break(title);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Contains(l, first));
        Assert.Contains(lines, l => l.Contains("政策法规处", StringComparison.Ordinal));
    }

    [Fact]
    public void A_full_page_holds_22_lines_of_at_most_28_characters()
    {
        var page = examples["seed-notice"].Pages[3].Where(l => l.Height is > 7 and < 8).ToList();

        Assert.Equal(22, page.Count);
        Assert.InRange((page[^1].Y0 - page[0].Y0) / 21, 10.15, 10.27);
        // A closing mark may hang past the 28th character; nothing else does.
        Assert.All(page, l => Assert.True(l.Text.TrimEnd('，', '。', '、', '；', '：', '”', '）', '》').Length <= 28, l.Text));
        Assert.InRange(page.Count(l => l.X1 > Right - 1), 10, 22);
    }
}

/// <summary>The PDF renders run on their own, after the parallel tests: LibreOffice is slow under contention.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PdfRenders
{
    public const string Name = "PDF renders";
}
