using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Demo;

/// <summary>
/// The demo commission's year so far, after <see cref="DemoCommission.Load"/>: so a newcomer sees every page working,
/// it fills the dossiers with documents the app itself makes (an issued notice, meeting minutes, progress reports, a
/// scanned sign-in sheet), reports progress, holds a monthly meeting, submits each department's self-checks for past
/// months, writes a leader's quarterly report, issues a 通报表扬 and a 通报批评 (which opens its 督办单), closes last
/// month's reconciliation (对账) and marks a task for public disclosure with its public wording.
/// Everything goes through the same services as a user's work, so it is audited and bundled like it.
/// </summary>
public sealed class DemoRecords(TaskRegistry tasks, OrganisationDirectory directory, DossierService dossiers,
    ProgressLog progress, MeetingRegister meetings, SelfCheckService selfChecks, LeaderReportService leaderReports,
    OfficialDocumentService documents, DocumentSigning signing, ReconciliationRecords reconciliations,
    PublicProgress.PublicDisclosure disclosure)
{
    public sealed record Summary(int Evidence, int Progress, int Meetings, int SelfChecks, int LeaderReports,
        int Documents, int Reconciliations, int PublicTasks);

    public async Task<Summary> FillAsync(CancellationToken cancellationToken = default)
    {
        var today = tasks.Today;
        var year = tasks.List(new TaskFilter { Year = today.Year }).Select(i => i.Task).ToList();
        if (year.Count == 0) throw new DomainRuleException("没有演示任务：请先载入演示数据（luoshi init --demo）。");
        var office = Office();
        var open = year.Where(t => !t.IsSettled && t.LeadDepartmentId is not null).ToList();
        var evidence = 0;

        // Progress with its report, by the lead department's clerk, on the open tasks.
        foreach (var (task, i) in open.Take(8).Select((t, i) => (t, i)))
        {
            var date = today.AddDays(-3 - 4 * i);
            var text = $"{task.Name}：本月已召开推进会，完成阶段工作，{(i % 3 == 0 ? "个别节点进度偏慢" : "整体进展顺利")}。";
            var report = Text($"{task.Name}工作推进情况报告", text, "下一步将按时间节点推进，确保按期完成。");
            await progress.AddAsync(task.Code, new ProgressDraft
            {
                Date = date, Text = text, Completion = 30 + 7 * i, NextSteps = "按时间节点推进，月底前报送阶段成果",
                Problems = i % 3 == 0 ? "部分区县数据报送滞后" : "", EvidenceKind = EvidenceKind.Report,
            }, [new IncomingFile($"{task.Code}工作推进情况报告.txt", report)], Clerk(task), cancellationToken);
            evidence++;
        }

        // A scanned sign-in sheet of a coordination meeting, as the scanner gave it.
        if (open.FirstOrDefault() is { } scanned)
        {
            await dossiers.AddAsync(new MemoryStream(ScannedPage.Pdf()), "推进会签到表（扫描件）.pdf", [scanned.Code],
                new EvidenceDetails { Kind = EvidenceKind.ProcessRecord, Date = today.AddDays(-10) }, Clerk(scanned),
                cancellationToken);
            evidence++;
        }

        // The monthly push meeting, its minutes generated and filed into every task it concerns.
        var concerned = open.Take(3).Select(t => t.Code).ToList();
        var meeting = meetings.Add(new MeetingDraft
        {
            Kind = MeetingKind.MonthlyPush, Date = today.AddDays(-14), Title = "重点任务月度推进会",
            Session = $"{today.Year}年第{Math.Max(1, today.Month - 1)}次", Chair = directory.Leaders()[0].Name,
            Place = "委机关第一会议室", Attendees = ["各处室主要负责人"],
            Agenda = [("听取重点任务推进情况汇报", concerned)],
            Decisions = [("各牵头处室月底前报送阶段成果", concerned, null, today.AddDays(14))],
        }, office);
        await meetings.WriteMinutesAsync(meeting.Id,
            ["会议听取了各牵头处室重点任务推进情况汇报，研究了存在的问题。", "会议要求，各处室要对照时间节点，压实责任，确保按期完成。"],
            [], office, cancellationToken);
        evidence++;

        var issued = await IssueDocumentsAsync(year, open, office, cancellationToken);
        evidence += issued;
        var checks = SubmitSelfChecks(today);
        var reports = WriteLeaderReport(today);
        var closed = 0;
        if (today.Month > 1)
        {
            reconciliations.Close(ReportingPeriod.OfMonth(today.Year, today.Month - 1), today.AddDays(10), office);
            closed = 1;
        }
        var published = PublishOne(year, office);
        return new Summary(evidence, Math.Min(8, open.Count), 1, checks, reports, issued, closed, published);
    }

    /// <summary>One task of broad public interest, shown on /public with wording written for the public.</summary>
    private int PublishOne(IReadOnlyList<KeyTask> year, Actor office)
    {
        var task = year.FirstOrDefault(t => t.Name.Contains("课后服务", StringComparison.Ordinal))
                   ?? year.FirstOrDefault(t => !t.IsSettled);
        if (task is null) return 0;
        disclosure.Publish(task.Code,
            "已在全市中小学推进课后服务，覆盖面持续扩大，下一步将进一步丰富服务内容、规范服务管理。", office);
        return 1;
    }

    /// <summary>A notice, a 通报表扬 and a 通报批评, each taken through 送核稿, 核稿, 签发 and 印发.</summary>
    private async Task<int> IssueDocumentsAsync(IReadOnlyList<KeyTask> year, IReadOnlyList<KeyTask> open, Actor office,
        CancellationToken cancellationToken)
    {
        var today = tasks.Today;
        var drafts = new List<OfficialDocument>();
        if (open.Count > 0) drafts.Add(Notice(open[0], office));
        if (year.Where(Drafting.CompletedOnTime).Take(2).Select(t => t.Code).ToList() is { Count: > 0 } good)
            drafts.Add(documents.StartCommendation(good, office));
        if (year.Where(t => Drafting.Failing(t, today)).Take(2).Select(t => t.Code).ToList() is { Count: > 0 } late)
            drafts.Add(documents.StartCriticism(late, office));
        var leader = LeaderActor(directory.Leaders()[0]);
        foreach (var draft in drafts)
        {
            signing.Submit(draft.Id, office);
            signing.Review(draft.Id, "文字已核。", office);
            signing.SignOff(draft.Id, "同意印发。", leader);
            await documents.IssueAsync(draft.Id, office, cancellationToken);
        }
        return drafts.Count;
    }

    /// <summary>The notice template filled in for the task (the template's own text is placeholders: “关于……的通知”).
    /// </summary>
    private OfficialDocument Notice(KeyTask task, Actor office)
    {
        var draft = documents.StartFromTemplate(DocumentGenre.Notice, [task.Code], office);
        var spec = OfficialDocumentService.Spec(draft) with
        {
            Title = $"关于加快推进{task.Name}工作的通知",
            Paragraphs =
            [
                new(0, $"为贯彻落实全市教育工作会议部署，加快推进{task.Name}，现就有关事项通知如下。"),
                new(1, "一、压实工作责任"),
                new(0, "各牵头处室要对照任务清单、责任清单，细化工作措施，明确时间节点，确保任务按期完成。"),
                new(1, "二、按时报送进展"),
                new(0, "请于每月25日前在落实档案系统中填报工作进展，同时上传相关佐证材料。"),
                new(1, "三、工作要求"),
                new(0, "办公室将定期督查督办，对进展滞后的任务予以通报。"),
                new(0, "特此通知。"),
            ],
            Note = "联系人：孙丽娜，联系电话：23456789",
        };
        return documents.UpdateDraft(draft.Id, spec, null, office);
    }

    /// <summary>Each department's 自查自评表 for the two months before this one (this year's only).</summary>
    private int SubmitSelfChecks(DateOnly today)
    {
        var submitted = 0;
        foreach (var month in new[] { today.Month - 2, today.Month - 1 }.Where(m => m >= 1))
        foreach (var department in directory.Departments())
        {
            var form = selfChecks.Prepare(department.Id, today.Year, month);
            if (form.Rows.Count == 0) continue;
            var rows = form.Rows.Select(r => new SelfCheckRowInput(r.TaskId,
                r.Progress.Length > 0 ? r.Progress : $"{month}月按计划推进{r.TaskName}。", "", "按时间节点继续推进",
                SelfRating.FairlyGood)).ToList();
            selfChecks.Submit(department.Id, today.Year, month, rows, $"{month}月本处室重点任务总体推进顺利。",
                new Actor(ClerkName(department), UserRole.DepartmentUser, department.Id));
            submitted++;
        }
        return submitted;
    }

    /// <summary>The first leader's report for the last quarter ended (or this one, in the first quarter).</summary>
    private int WriteLeaderReport(DateOnly today)
    {
        var leader = directory.Leaders()[0];
        var quarter = Math.Max(1, (today.Month - 1) / 3);
        var title = $"{leader.Name}同志分管领域{today.Year}年第{quarter}季度重点任务推进情况报告";
        leaderReports.Save(leader.Id, today.Year, quarter, title,
            $"第{quarter}季度，分管领域重点任务总体推进顺利，多数任务按时间节点完成。", "个别任务节点滞后，已督促整改。",
            "建议下季度加强跨处室协调。", LeaderActor(leader));
        return 1;
    }

    private Actor Office() =>
        new(directory.Departments().FirstOrDefault(d => d.Code == "BGS") is { } d ? ClerkName(d) : "办公室",
            UserRole.OfficeSupervisor);

    private Actor Clerk(KeyTask task)
    {
        var department = directory.Department(task.LeadDepartmentId!.Value)!;
        return new Actor(ClerkName(department), UserRole.DepartmentUser, department.Id);
    }

    private string ClerkName(Department department) =>
        directory.People().FirstOrDefault(p => p.DepartmentId == department.Id && p.Role == PersonRole.DesignatedClerk)
            ?.Name is { } name ? $"{department.Name}{name}" : department.Name;

    private static Actor LeaderActor(Person leader) => new($"委领导{leader.Name}", UserRole.Leader, PersonId: leader.Id);

    private static MemoryStream Text(string title, params string[] paragraphs) =>
        new(Encoding.UTF8.GetBytes(title + "\n\n" + string.Join("\n", paragraphs.Select(p => "　　" + p)) + "\n"));
}
