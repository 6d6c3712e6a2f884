using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Journeys;

/// <summary>
/// Journey b: a directors' office meeting is registered, its minutes (a real DOCX) uploaded and filed in the dossiers
/// of both tasks it dealt with, and its decision turned into a 会议议定 task.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingMinutesJourney(BrowserApp browser)
{
    private readonly Seed _seed = browser.Seed;

    [Fact]
    public async Task A_meeting_is_registered_its_minutes_reach_both_task_dossiers_and_a_decision_becomes_a_task()
    {
        await using var s = await browser.OpenAsync("meeting-minutes");
        var page = s.Page;
        await s.SignInAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "会议", Exact = true }).ClickAsync();
        Assert.Equal("会议台账（2018年）", await s.TextAsync("h1"));
        await s.StepAsync("register");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记会议" }).ClickAsync();
        Assert.Equal("登记会议", await s.TextAsync("h1"));

        await page.GetByLabel("会议类别").SelectOptionAsync(new SelectOptionValue { Label = "主任办公会" });
        await page.GetByLabel("日期").FillAsync("2018-06-12");
        await page.GetByLabel("届次").FillAsync("2018年第6次");
        await page.GetByLabel("会议名称").FillAsync("主任办公会");
        await page.GetByLabel("主持人").FillAsync("王建国");
        await page.GetByLabel("地点").FillAsync("第二会议室");
        await page.GetByLabel("出席人员").FillAsync("李红梅、张志强、刘振华");
        await page.GetByLabel("议题 1").FillAsync("研究推动会和考核办法");
        await page.GetByLabel("涉及任务编号").First.FillAsync($"{_seed.PushMeetingTask}, {_seed.AssessmentTask}");
        await page.GetByLabel("事项 1").FillAsync("办公室7月底前拟出考核评分细则");
        var decisionRow = page.Locator("fieldset", new() { HasText = "议定事项" });
        await decisionRow.GetByLabel("涉及任务编号").First.FillAsync(_seed.AssessmentTask);
        await decisionRow.GetByLabel("牵头处室").First.SelectOptionAsync(new SelectOptionValue { Label = "办公室" });
        await decisionRow.GetByLabel("完成时限").First.FillAsync("2018-07-31");
        await s.StepAsync("meeting-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/Meetings/\d+$"));
        var meetingUrl = new Uri(page.Url).AbsolutePath;
        Assert.Contains("主任办公会", await s.TextAsync("h1"));
        Assert.Contains("2018年6月12日", await s.TextAsync("p.meta"));
        Assert.Contains("办公室7月底前拟出考核评分细则", await s.TextAsync("section[aria-labelledby=h-decisions]"));
        Assert.Contains("时限：2018-07-31", await s.TextAsync("section[aria-labelledby=h-decisions]"));
        await s.StepAsync("meeting-page");

        // The minutes: a Word document, filed once into every task the meeting dealt with.
        var minutes = MadeDocx.Of("天津市教育委员会主任办公会纪要", "2018年第6次",
            "6月12日，王建国同志主持召开主任办公会，研究推动会和考核办法。",
            "会议议定：办公室7月底前拟出考核评分细则。", "天津市教育委员会办公室", "2018年6月13日");
        await page.GetByLabel("上传纪要文件").SetInputFilesAsync(new FilePayload
        {
            Name = "第6次主任办公会纪要.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = minutes,
        });
        await s.StepAsync("minutes-chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存纪要" }).ClickAsync();
        await page.Locator("p.notice", new() { HasText = "纪要已归入" }).WaitForAsync();
        Assert.Equal("纪要已归入 2 项任务的档案。", await s.TextAsync("p.notice"));
        // What the clerk relies on: the verdict is a green status message, announced, in the first screen.
        var filed = await Visible.MessageAsync(page, "status");
        Assert.Equal("纪要已归入 2 项任务的档案。", filed.Text);
        Assert.Equal("rgb(30, 107, 47)", filed.BorderColor);
        Assert.True(filed.Box.Y + filed.Box.Height <= BrowserApp.Desktop.Height, $"the message is at y={filed.Box.Y}");
        Assert.Contains("纪要已归档", await s.TextAsync("section[aria-labelledby=h-minutes]"));
        await s.StepAsync("minutes-filed");

        // Both dossiers show the minutes and the meeting.
        foreach (var code in new[] { _seed.PushMeetingTask, _seed.AssessmentTask })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).First.ClickAsync();
            Assert.StartsWith(code, await s.TextAsync("h1"));
            var dossier = page.Locator("section[aria-labelledby=h-dossier]");
            var row = dossier.Locator("tbody tr", new() { HasText = "主任办公会纪要" });
            Assert.Equal(1, await row.CountAsync());
            Assert.Contains("会议纪要", await row.InnerTextAsync());
            Assert.Contains("2018-06-12 主任办公会：主任办公会", await s.TextAsync("section[aria-labelledby=h-meetings]"));
            await s.StepAsync("dossier-" + code);
            await page.GotoAsync(meetingUrl);
        }

        // The decision becomes a task on the 会议议定 list, linked back to the meeting.
        await page.GetByRole(AriaRole.Button, new() { Name = "转为“会议议定”任务" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Tasks/2018-\d+$"));
        var newCode = new Uri(page.Url).AbsolutePath.Split('/').Last();
        Assert.Contains($"已转为任务 {newCode}", await s.TextAsync("p.notice"));
        Assert.Contains("办公室7月底前拟出考核评分细则", await s.TextAsync("h1"));
        Assert.Contains("由会议议定：2018-06-12 主任办公会", await s.TextAsync("p.hint"));
        Assert.Contains("会议议定重点工作清单", await s.TextAsync("section[aria-labelledby=h-task]"));
        Assert.Contains("2018-07-31", await s.TextAsync(".status-line"));
        await s.StepAsync("decision-task");

        await page.GotoAsync(meetingUrl);
        Assert.Contains($"已转为任务 {newCode}", await s.TextAsync("section[aria-labelledby=h-decisions]"));
        await page.GetByRole(AriaRole.Link, new() { Name = "会议", Exact = true }).ClickAsync();
        var listed = page.Locator("section[aria-labelledby=h-list] tbody tr", new() { HasText = "2018-06-12" });
        Assert.Contains("已归档", await listed.InnerTextAsync());
        Assert.Contains("6月", await s.TextAsync(".calendar"));
        await s.StepAsync("register-after");
        Assert.Empty(s.ConsoleErrors);
    }
}
