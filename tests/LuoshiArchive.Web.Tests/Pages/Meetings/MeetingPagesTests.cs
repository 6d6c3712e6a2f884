using LuoshiArchive.Core.Accounts;
using System.Net.Http.Headers;
using System.Text;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Meetings;

public class MeetingPagesTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _first;
    private readonly KeyTask _second;

    public MeetingPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var tasks = app.Service<TaskRegistry>();
        _first = tasks.Find("2018-001") ?? tasks.Create(new TaskDraft { Year = 2018, Name = "建立佐证材料档案" }, Actor.Console("t"));
        _second = tasks.Find("2018-002") ?? tasks.Create(new TaskDraft { Year = 2018, Name = "开展月度自查自评" }, Actor.Console("t"));
    }

    [Fact]
    public async Task A_meeting_is_registered_its_minutes_reach_both_dossiers_and_a_decision_becomes_a_task()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();

        var created = await client.PostFormAsync("/Meetings/Edit",
        [
            new("Kind", "DirectorsOffice"), new("Date", "2018-06-12"), new("Title", "主任办公会"), new("Session", "2018年第5次"),
            new("Chair", "王建国"), new("Attendees", "李红梅、张志强"),
            new("Agenda[0].Text", "档案和自查"), new("Agenda[0].Tasks", $"{_first.Code}, {_second.Code}"),
            new("Decisions[0].Text", "各处室6月底前补齐月度自查表"), new("Decisions[0].Tasks", _second.Code),
            new("Decisions[0].Deadline", "2018-06-30"),
        ]);
        var meetingUrl = created.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/Meetings/\d+$", meetingUrl);

        var page = await client.GetDocumentAsync(meetingUrl);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("主任办公会纪要\n会议研究了佐证材料归档。\n2018年6月12日"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "file", "第5次主任办公会纪要.txt");
        content.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        var saved = await client.PostAsync(meetingUrl + "?handler=Minutes", content);
        Assert.Contains("纪要已归入 2 项任务的档案", await saved.Content.ReadAsStringAsync());

        foreach (var task in new[] { _first, _second })
        {
            var taskPage = await client.GetDocumentAsync($"/Tasks/{task.Code}");
            Assert.Contains("主任办公会纪要", taskPage.QuerySelector("#h-dossier")!.ParentElement!.TextContent);
            var meetings = taskPage.QuerySelector("#h-meetings")!.ParentElement!;
            Assert.Contains("主任办公会", meetings.TextContent);
            // The decision names only the second task: the first task's page shows the meeting, not that 议定.
            var decided = meetings.QuerySelectorAll(".decision").Select(d => d.TextContent.Trim()).ToList();
            Assert.Equal(task == _second ? ["议定：各处室6月底前补齐月度自查表"] : [], decided);
        }

        var decisionId = (await client.GetDocumentAsync(meetingUrl)).QuerySelector("input[name=decision]")!.GetAttribute("value")!;
        var toTask = await client.PostFormAsync(meetingUrl, [new("decision", decisionId)], postUrl: meetingUrl + "?handler=Decision");
        var newTaskPage = await toTask.Content.ReadAsStringAsync();
        Assert.Contains("各处室6月底前补齐月度自查表", newTaskPage);
        Assert.Contains("由会议议定", newTaskPage);
        Assert.Contains("会议议定重点工作清单", newTaskPage);
    }

    [Fact]
    public async Task The_tasks_of_an_agenda_item_are_picked_as_you_type_from_the_stores_own_tasks()
    {
        var tasks = _app.Service<TaskRegistry>();
        var latest = tasks.Find("2026-001") ?? tasks.Create(new TaskDraft { Year = 2026, Name = "推进课后服务全覆盖" },
            Actor.Console("t"));
        var client = _app.CreateClient();
        await client.SignInAsync();

        var form = await client.GetDocumentAsync("/Meetings/Edit");

        var choices = form.QuerySelectorAll("datalist#task-choices option").ToList();
        Assert.Contains(choices, o => o.GetAttribute("value") == _first.Code && o.TextContent.Contains(_first.Name));
        Assert.Equal(latest.Code, choices[0].GetAttribute("value")); // the latest year first
        var inputs = form.QuerySelectorAll("input[name$='.Tasks']").ToList();
        Assert.Equal(8, inputs.Count); // four agenda items, four decisions
        Assert.All(inputs, i => Assert.Equal("task-choices", i.GetAttribute("list")));
        // The example is this store's own codes, not a fixed year's.
        Assert.All(inputs, i => Assert.StartsWith(latest.Code, i.GetAttribute("placeholder")));
    }

    [Fact]
    public async Task The_register_shows_the_cadence_gaps()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var page = await client.GetDocumentAsync("/Meetings?year=2018");
        // The tasks were put on the list on 15 June 2018: the months before are not gaps, the deployment meeting of
        // January is not expected, and a year-end summary not yet due is not shown as done.
        var cadence = page.QuerySelector(".cadence")!;
        Assert.Contains("自2018年6月15日起计", cadence.TextContent);
        Assert.Equal("pending", cadence.QuerySelectorAll("li").Single(l => l.TextContent.StartsWith("年初部署会")).ClassName);
        Assert.Contains("每月推动会：按月召开", cadence.TextContent);
        var yearEnd = cadence.QuerySelectorAll("li").Single(l => l.TextContent.StartsWith("年终总结"));
        Assert.Equal(("pending", "年终总结：未到时间"), (yearEnd.ClassName, yearEnd.TextContent.Trim()));
    }
}
