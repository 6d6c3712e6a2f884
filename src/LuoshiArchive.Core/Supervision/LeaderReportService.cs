using LuoshiArchive.Core.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// The reporting chain's top link: departments' progress and self-checks roll up to their supervising leader, whose
/// quarterly report to the principal leaders is compiled here, edited, saved and exported as DOCX.
/// </summary>
public sealed class LeaderReportService(ISupervisionStore store, TaskRegistry tasks, ProgressLog progress, SelfCheckService selfChecks,
    OrganisationDirectory directory, TimeProvider clock, Audit.AuditLog audit, KeptFiles files)
{
    private readonly Audit.AuditLog _audit = audit;

    public LeaderReport? Find(int leaderId, int year, int quarter)
    {
        var key = LeaderReport.KeyOf(leaderId, year, quarter);
        return store.LeaderReports.FindOne(r => r.Key == key);
    }

    /// <summary>The saved report, else a freshly compiled one.</summary>
    public LeaderReport Current(int leaderId, int year, int quarter) => Find(leaderId, year, quarter) ?? Compile(leaderId, year, quarter);

    /// <summary>Compiles the report from the quarter's records (not stored).</summary>
    public LeaderReport Compile(int leaderId, int year, int quarter)
    {
        var leader = directory.Person(leaderId) ?? throw new DomainRuleException("该分管委领导不存在。");
        var period = ReportingPeriod.OfQuarter(year, quarter);
        var today = tasks.Today;
        var asOf = today < period.To ? today : period.To;
        var items = tasks.List(new TaskFilter { Year = year, SupervisingLeaderId = leader.Id });
        var entries = progress.Between(period.From, period.To).ToLookup(e => e.TaskId);
        var checkRows = period.Months.SelectMany(m => selfChecks.Submitted(year, m).SelectMany(f => f.Rows.Select(r => (Month: m, Row: r))))
            .ToLookup(x => x.Row.TaskId);
        var report = new LeaderReport
        {
            Key = LeaderReport.KeyOf(leader.Id, year, quarter), LeaderId = leader.Id, Year = year, Quarter = quarter,
            Title = $"关于{period.Label}分管重点任务落实情况的报告",
        };

        var due = items.SelectMany(i => i.Task.Milestones.Where(m => period.Contains(m.Due))).ToList();
        var progressLines = new List<string>
        {
            $"本季度分管重点任务{items.Count}项，其中已完成{Count(items, KeyTaskStatus.Completed)}项、推进中{Count(items, KeyTaskStatus.InProgress)}项、" +
            $"未启动{Count(items, KeyTaskStatus.NotStarted)}项" + (Count(items, KeyTaskStatus.Cancelled) is > 0 and var c ? $"、已撤销{c}项" : "") +
            $"；截至{ChineseDates.Format(asOf)}，逾期未完成{items.Count(i => i.Task.IsOverdue(asOf))}项。" +
            $"本季度到期时间节点{due.Count}个，按期完成{due.Count(m => m.Done && m.DoneOn <= m.Due)}个。" +
            $"各处室报送进展{items.Sum(i => entries[i.Task.Id].Count())}条，月度自查自评{items.Sum(i => checkRows[i.Task.Id].Count())}项次。",
        };
        var problems = new List<string>();
        var proposals = new List<string>();
        var n = 0;
        foreach (var item in items)
        {
            var task = item.Task;
            var latest = entries[task.Id].OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToList();
            var rows = checkRows[task.Id].OrderBy(x => x.Month).ToList();
            var text = latest.FirstOrDefault() is { } newest
                ? newest.Text + (newest.Completion is { } pct ? $"（完成约{pct}%）" : "")
                : rows.LastOrDefault().Row?.Progress is { Length: > 0 } fromCheck ? fromCheck.Replace('\n', '；') : "本季度未报送进展。";
            progressLines.Add($"（{ChineseNumbers.Ordinal(++n)}）{task.Name}（{item.LeadDepartment}牵头）：{text}");
            foreach (var problem in latest.Select(e => e.Problems).Concat(rows.Select(r => r.Row.Problems))
                         .SelectMany(p => p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct())
                problems.Add($"{task.Name}：{problem}");
            if (task.IsOverdue(asOf)) problems.Add($"{task.Name}：已超过完成时限（{task.Deadline:yyyy-MM-dd}）尚未完成。");
            foreach (var m in task.Milestones.Where(m => period.Contains(m.Due) && m.Due < asOf && (!m.Done || m.WasDoneLate)))
                problems.Add($"{task.Name}：“{m.Description}”节点（{m.Due:yyyy-MM-dd}）未按期完成。");
            var next = latest.Select(e => e.NextSteps).Concat(rows.AsEnumerable().Reverse().Select(r => r.Row.NextSteps)).FirstOrDefault(s => s.Length > 0);
            if (next is not null) proposals.Add($"{task.Name}：{next.Replace('\n', '；')}");
            report.Tasks.Add(new LeaderReportTask
            {
                TaskCode = task.Code, TaskName = task.Name, Department = item.LeadDepartment, Status = ChineseLabels.Of(task.Status),
                Progress = text,
                Ratings = string.Join("；", rows.Where(r => r.Row.Rating is not null).Select(r => $"{r.Month}月 {ChineseLabels.Of(r.Row.Rating!.Value)}")),
            });
        }
        report.Progress = string.Join("\n", progressLines);
        report.Problems = problems.Count > 0 ? string.Join("\n", problems) : "本季度未发现突出问题。";
        report.Proposals = proposals.Count > 0 ? string.Join("\n", proposals) : "";
        return report;
    }

    /// <summary>Saves the edited text; the task table is compiled afresh so it states the records as they are.</summary>
    public LeaderReport Save(int leaderId, int year, int quarter, string? title, string? progressText, string? problems, string? proposals, Actor actor)
    {
        Access.Demand(actor, Permission.WriteLeaderReport, _audit);
        DemandOwnReport(actor, leaderId, year, quarter);
        var compiled = Compile(leaderId, year, quarter);
        if (string.IsNullOrWhiteSpace(title)) throw new DomainRuleException("请填写报告标题。");
        var texts = new[] { progressText, problems, proposals };
        if (texts.Any(t => (t ?? "").Length > 20000)) throw new DomainRuleException("每部分内容不能超过20000字。");
        var report = Find(leaderId, year, quarter) ?? compiled;
        report.Title = title.Trim();
        report.Progress = (progressText ?? "").Trim();
        report.Problems = (problems ?? "").Trim();
        report.Proposals = (proposals ?? "").Trim();
        report.Tasks = compiled.Tasks;
        report.SavedAt = clock.GetUtcNow().UtcDateTime;
        report.SavedBy = actor.Name;
        // Rendered once per save and kept, so the archive holds the report as saved, byte for byte.
        report.DocxSha256 = files.Keep(output => RenderDocx(report, output)).Sha256;
        store.InTransaction(() =>
        {
            if (report.Id == 0) store.LeaderReports.Insert(report);
            else store.LeaderReports.Update(report);
            _audit.Record(actor.Name, "leaderreport.saved", $"季度报告 {directory.PersonName(leaderId)} {year}年第{quarter}季度", report.Title);
        });
        return report;
    }

    /// <summary>
    /// A leader opens and writes only their own report (the office any): another leader's, or any while the account is
    /// not linked to its 分管委领导, is refused and recorded.
    /// </summary>
    public void DemandOwnReport(Actor actor, int leaderId, int year, int quarter)
    {
        if (actor.Role != UserRole.Leader || LeaderArea.IsLeader(actor, leaderId)) return;
        var name = directory.PersonName(leaderId);
        var reason = LeaderArea.LeaderOf(actor) is null
            ? "您的账户尚未关联分管委领导，不能编写季度报告：请管理员在“账号”中为本账户选择对应的分管委领导。"
            : $"您只能查看和编写本人的季度报告：这是{name}的季度报告。";
        _audit.Record(actor.Name, "access.denied", $"季度报告 {name} {year}年第{quarter}季度", reason);
        throw new AccessDeniedException(reason);
    }

    /// <summary>The DOCX: as kept at the last save, else (a compiled report) rendered now.</summary>
    public void WriteDocx(LeaderReport report, Stream output)
    {
        if (report.DocxSha256.Length > 0) output.Write(files.Read(report.DocxSha256));
        else RenderDocx(report, output);
    }

    private void RenderDocx(LeaderReport report, Stream output)
    {
        var date = report.SavedAt is { } at
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), clock.LocalTimeZone))
            : tasks.Today;
        LeaderReportDocument.Write(output, report, directory.PersonName(report.LeaderId), date);
    }

    public string FileName(LeaderReport report) => $"{directory.PersonName(report.LeaderId)}{report.Year}年第{report.Quarter}季度报告.docx";

    private static int Count(IEnumerable<TaskListItem> items, KeyTaskStatus status) => items.Count(i => i.Task.Status == status);
}
