using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Demo;

/// <summary>
/// A demo commission for newcomers: departments, leaders, heads and clerks, and about 30 key tasks taken from the
/// seed notice's own plan, spread over all five lists and six sources. Dates are placed relative to the day it is
/// loaded, so whatever that day is, some tasks are done, some overdue, some coming due, most on track.
/// </summary>
public static class DemoCommission
{
    private static readonly (string Name, string Code, string Head, string Clerk)[] Departments =
    [
        ("办公室", "BGS", "周建平", "孙丽娜"), ("政策法规处", "ZCFG", "吴国华", "郑晓燕"), ("发展规划处", "FZGH", "冯志刚", "陈静"),
        ("基础教育处", "JCJY", "褚明辉", "卫芳"), ("职业教育与成人教育处", "ZYJY", "蒋立军", "沈玉兰"),
        ("高等教育处", "GDJY", "韩宏伟", "杨雪"), ("教师工作处", "JSGZ", "朱文涛", "秦海燕"), ("财务处", "CWC", "尤建华", "许丹"),
        ("人事处", "RSC", "何永刚", "吕婷"), ("思想政治教育处", "SZJY", "施国庆", "张颖"),
        ("体育卫生与艺术教育处", "TWY", "孔德明", "曹丽"), ("教育督导室", "DDS", "严正华", "华敏"),
    ];

    private static readonly (string Name, string Title)[] Leaders =
        [("王建国", "副主任"), ("李红梅", "副主任"), ("张志强", "副主任"), ("刘振华", "副主任")];

    public static DemoLoadResult Load(OrganisationDirectory directory, TaskRegistry tasks, DateOnly today, Actor actor)
    {
        if (directory.Departments().Count > 0 || tasks.Years().Count > 0)
            throw new DomainRuleException("数据目录中已有处室或任务：演示数据只能载入空的数据目录。请用 --storage 指定一个新目录。");
        var departments = new Dictionary<string, Department>();
        var heads = new Dictionary<string, Person>();
        var people = 0;
        foreach (var (name, code, head, clerk) in Departments)
        {
            var department = directory.SaveDepartment(new Department { Name = name, Code = code });
            departments[code] = department;
            heads[code] = directory.SavePerson(new Person { Name = head, Role = PersonRole.Head, DepartmentId = department.Id, Title = "处长" });
            directory.SavePerson(new Person { Name = clerk, Role = PersonRole.DesignatedClerk, DepartmentId = department.Id, Title = "专人" });
            people += 2;
        }
        var leaders = Leaders.Select(l => directory.SavePerson(new Person { Name = l.Name, Title = l.Title, Role = PersonRole.SupervisingLeader })).ToList();
        people += leaders.Count;

        var created = 0;
        foreach (var spec in DemoTasks.All)
        {
            var lead = spec.Lead is { } code ? departments[code] : null;
            var draft = new TaskDraft
            {
                Year = today.Year, Name = spec.Name, ListKind = spec.ListKind, Source = spec.Source, SourceDetail = spec.SourceDetail,
                Target = spec.Target, Standard = spec.Standard, LeadDepartmentId = lead?.Id,
                CooperatingDepartmentIds = spec.Cooperating.Select(c => departments[c].Id).ToList(),
                ResponsiblePersonId = spec.Lead is { } c2 ? heads[c2].Id : null, SupervisingLeaderId = leaders[spec.Leader].Id,
                Measures = spec.Measures, ExpectedOutcomes = spec.Outcomes, Deadline = InYear(today, spec.DeadlineInDays),
                Milestones = spec.Milestones.Select(m => new Milestone
                {
                    Due = InYear(today, m.InDays), Description = m.Text, Done = m.Done, DoneOn = m.Done ? today.AddDays(Math.Min(m.InDays, 0)) : null,
                }).ToList(),
                Status = spec.Status, ProgressSummary = spec.Progress,
                AddedOn = spec.AddedDaysAgo is { } ago ? Later(today.AddDays(-ago), today) : new DateOnly(today.Year, 1, 1),
            };
            // A done demo task carries the 办结 it would have had: its head's confirmation, evidence to follow.
            var closure = spec.Status == KeyTaskStatus.Completed && spec.Lead is { } c3
                ? new TaskClosure { EvidenceToFollow = true, ConfirmedBy = heads[c3].Name, ConfirmedOn = today, RecordedBy = actor.Name }
                : null;
            tasks.Restore(draft, closure, actor, TaskChangeKind.Created);
            created++;
        }
        return new DemoLoadResult(departments.Count, people, created);
    }

    /// <summary>A task "added during the year" is added this year, even when the demo is loaded in early January.</summary>
    private static DateOnly Later(DateOnly added, DateOnly today) => added.Year == today.Year ? added : today;

    /// <summary>
    /// The day <paramref name="days"/> from today, squeezed (order kept) into what is left of the year when the year
    /// still has a month to go, so late-year demos keep their tasks in the year; the next 7 days are never moved,
    /// which keeps the "coming due" examples coming due.
    /// </summary>
    private static DateOnly InYear(DateOnly today, int days)
    {
        const int longestOffset = 240;
        var daysLeft = new DateOnly(today.Year, 12, 31).DayNumber - today.DayNumber;
        if (days <= KeyTask.WarningDays + 1 || daysLeft < 30) return today.AddDays(days);
        var spare = KeyTask.WarningDays + 1;
        return today.AddDays(spare + (days - spare) * (daysLeft - spare) / (longestOffset - spare));
    }
}
