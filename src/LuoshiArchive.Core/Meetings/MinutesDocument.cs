using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Core.Meetings;

/// <summary>
/// Meeting minutes (纪要) in the GB/T 9704 special format: the red "××纪要" mark 35 mm below the top of the type
/// area, the session line, a red separator, then time, place, chair, attendees, the minutes text and the decisions.
/// </summary>
public static class MinutesDocument
{
    public static void Write(Stream output, Meeting meeting, string organisation, IReadOnlyList<string> minutesParagraphs)
    {
        using var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = OfficialPage.Styles();
        var body = new Body();
        // 35 mm = 1984 twips between the top of the type area and the top of the mark.
        body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "1984", Line = "900", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Center }),
            OfficialPage.Text(Mark(meeting), OfficialPage.XiaoBiaoSong, OfficialPage.MarkSize, OfficialPage.Red, bodySpacing: false)));
        body.Append(OfficialPage.Blank());
        body.Append(OfficialPage.Centered(OfficialPage.Text(meeting.Session.Length > 0 ? meeting.Session : $"{meeting.Date:yyyy}年")));
        body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
            OfficialPage.Text($"{organisation}　　{meeting.Date.Year}年{meeting.Date.Month}月{meeting.Date.Day}日")));
        body.Append(OfficialPage.RedLine());
        body.Append(OfficialPage.Blank());
        body.Append(OfficialPage.Body($"时间：{meeting.Date.Year}年{meeting.Date.Month}月{meeting.Date.Day}日"));
        if (meeting.Place.Length > 0) body.Append(OfficialPage.Body($"地点：{meeting.Place}"));
        if (meeting.Chair.Length > 0) body.Append(OfficialPage.Body($"主持：{meeting.Chair}"));
        if (meeting.Attendees.Count > 0) body.Append(OfficialPage.Body($"出席：{string.Join("、", meeting.Attendees)}"));
        foreach (var paragraph in minutesParagraphs.Where(p => !string.IsNullOrWhiteSpace(p))) body.Append(OfficialPage.Body(paragraph.Trim()));
        if (meeting.Decisions.Count > 0)
        {
            body.Append(OfficialPage.Body("会议议定事项如下："));
            for (var i = 0; i < meeting.Decisions.Count; i++)
                body.Append(OfficialPage.Body($"{ChineseNumbers.Ordinal(i + 1)}、{meeting.Decisions[i].Text}", OfficialPage.HeiTi));
        }
        body.Append(OfficialPage.Section());
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>"主任办公会纪要": the meeting's name ending in 纪要, as the red mark says it.</summary>
    public static string Mark(Meeting meeting)
    {
        var name = meeting.Title.Trim();
        if (name.EndsWith("纪要", StringComparison.Ordinal)) return name;
        return name + "纪要";
    }
}
