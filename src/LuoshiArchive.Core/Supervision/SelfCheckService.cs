using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// Monthly self-checks (月度自查自评表): prepared for a department and month from its tasks and their progress, saved as
/// a draft, submitted (then locked), exported as DOCX (official page) and XLSX. Filling one needs the right to edit the
/// department's tasks: a department user fills their own department's form only.
/// </summary>
public sealed class SelfCheckService(ISupervisionStore store, TaskRegistry tasks, ProgressLog progress, OrganisationDirectory directory,
    TimeProvider clock, ReadAccess reading, Audit.AuditLog audit, KeptFiles files)
{
    public const int MaxReasonLength = 500;

    private readonly Audit.AuditLog _audit = audit;

    public SelfCheck? Find(int departmentId, int year, int month)
    {
        var key = SelfCheck.KeyOf(departmentId, year, month);
        return store.SelfChecks.FindOne(s => s.Key == key);
    }

    /// <summary>Submitted forms of a month, for the roll-up to leaders and the reconciliation.</summary>
    public IReadOnlyList<SelfCheck> Submitted(int year, int month) =>
        store.SelfChecks.Find(s => s.Year == year && s.Month == month).Where(s => s.SubmittedAt != null).ToList();

    /// <summary>The department's tasks a month's form covers: led by it, on the year's lists by the month's end, not withdrawn.</summary>
    public IReadOnlyList<KeyTask> TasksOf(int departmentId, int year, int month)
    {
        var period = ReportingPeriod.OfMonth(year, month);
        return tasks.List(new TaskFilter { Year = year, LeadDepartmentId = departmentId }).Select(i => i.Task)
            .Where(t => t.AddedOn <= period.To && t.Status != KeyTaskStatus.Cancelled).ToList();
    }

    /// <summary>
    /// The form to show: the stored one (a submitted form exactly as submitted; a draft with rows added for tasks put
    /// on the list since), or a new one pre-filled from the month's progress entries (not stored until saved).
    /// </summary>
    public SelfCheck Prepare(int departmentId, int year, int month)
    {
        if (directory.Department(departmentId) is null) throw new DomainRuleException("该处室不存在。");
        var period = ReportingPeriod.OfMonth(year, month);
        var stored = Find(departmentId, year, month);
        if (stored?.SubmittedAt is not null) return stored;
        var form = stored ?? new SelfCheck { Key = SelfCheck.KeyOf(departmentId, year, month), DepartmentId = departmentId, Year = year, Month = month };
        var entries = progress.Between(period.From, period.To).ToLookup(e => e.TaskId);
        var known = form.Rows.Select(r => r.TaskId).ToHashSet();
        foreach (var task in TasksOf(departmentId, year, month).Where(t => !known.Contains(t.Id)))
            form.Rows.Add(Prefill(task, entries[task.Id].ToList()));
        return form;
    }

    private static SelfCheckRow Prefill(KeyTask task, IReadOnlyList<ProgressEntry> month)
    {
        var latestFirst = month.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToList();
        return new SelfCheckRow
        {
            TaskId = task.Id, TaskCode = task.Code, TaskName = task.Name, EntriesInMonth = month.Count,
            Progress = string.Join("\n", month.Select(e => $"{e.Date.Month}月{e.Date.Day}日：{e.Text}")),
            Problems = string.Join("\n", month.Select(e => e.Problems).Where(p => p.Length > 0).Distinct()),
            NextSteps = latestFirst.Select(e => e.NextSteps).FirstOrDefault(n => n.Length > 0) ?? "",
            Completion = latestFirst.Select(e => e.Completion).FirstOrDefault(c => c is not null),
        };
    }

    /// <summary>Saves the department's entries as a draft. A submitted form is refused: it is locked.</summary>
    public SelfCheck Save(int departmentId, int year, int month, IReadOnlyList<SelfCheckRowInput> rows, string? summary, Actor actor)
    {
        var form = Prepare(departmentId, year, month);
        DemandFill(actor, form);
        if (form.SubmittedAt is { } at)
            throw new DomainRuleException($"该自查自评表已于 {ToLocal(at):yyyy-MM-dd HH:mm} 由 {form.SubmittedBy} 提交，已锁定，不能修改。");
        foreach (var input in rows)
        {
            var row = form.Rows.FirstOrDefault(r => r.TaskId == input.TaskId)
                      ?? throw new DomainRuleException("表中没有该任务。");
            if (input.Rating is { } rating && !Enum.IsDefined(rating)) throw new DomainRuleException("自评等次无效。");
            row.Progress = Checked(input.Progress, row.Progress, "进展情况");
            row.Problems = Checked(input.Problems, row.Problems, "存在问题");
            row.NextSteps = Checked(input.NextSteps, row.NextSteps, "下一步措施");
            row.Rating = input.Rating ?? row.Rating;
        }
        form.Summary = Checked(summary, form.Summary, "总体情况");
        form.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        form.UpdatedBy = actor.Name;
        store.InTransaction(() =>
        {
            // A draft saved twice at once must stay one form: the unique key refuses the second insert.
            if (form.Id == 0) store.SelfChecks.Insert(form);
            else store.SelfChecks.Update(form);
            _audit.Record(actor.Name, "selfcheck.saved", Subject(form), $"{form.Rows.Count} 项任务，草稿");
        });
        return form;
    }

    /// <summary>Saves and submits: every row needs its progress and a rating; the form is then locked for good.</summary>
    public SelfCheck Submit(int departmentId, int year, int month, IReadOnlyList<SelfCheckRowInput> rows, string? summary, Actor actor)
    {
        var period = ReportingPeriod.OfMonth(year, month);
        if (period.From > tasks.Today) throw new DomainRuleException($"{period.Label}尚未开始，不能提交该月的自查自评表。");
        // The entries are saved as a draft first: a refused submission loses none of them.
        var form = Save(departmentId, year, month, rows, summary, actor);
        var missing = form.Rows.Where(r => r.Rating is null || string.IsNullOrWhiteSpace(r.Progress)).Select(r => r.TaskCode).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException($"以下任务尚未填写进展情况或自评等次：{string.Join("、", missing)}。草稿已保存。");
        form.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        form.SubmittedBy = actor.Name;
        // The files are rendered once, now, and kept: what the archive gets is what was submitted, byte for byte.
        form.DocxSha256 = files.Keep(output => RenderDocx(form, output)).Sha256;
        form.XlsxSha256 = files.Keep(output => RenderXlsx(form, output)).Sha256;
        store.InTransaction(() =>
        {
            store.SelfChecks.Update(form);
            _audit.Record(actor.Name, "selfcheck.submitted", Subject(form),
                string.Join("；", form.Rows.Select(r => $"{r.TaskCode} {ChineseLabels.Of(r.Rating!.Value)}")));
        });
        return form;
    }

    /// <summary>The form as <paramref name="actor"/> may read it: refused for another department's where departments are closed.</summary>
    public SelfCheck Prepare(int departmentId, int year, int month, Actor actor)
    {
        reading.DemandDepartment(actor, departmentId);
        return Prepare(departmentId, year, month);
    }

    /// <summary>Each department with tasks in the month that <paramref name="actor"/> may read, and its form if one was started.</summary>
    public IReadOnlyList<(Department Department, int Tasks, SelfCheck? Form)> Overview(int year, int month, Actor actor) =>
        directory.Departments().Where(d => reading.MayReadDepartment(actor, d.Id))
            .Select(d => (Department: d, Tasks: TasksOf(d.Id, year, month).Count, Form: Find(d.Id, year, month)))
            .Where(x => x.Tasks > 0 || x.Form is not null).ToList();

    /// <summary>May the actor fill this department's form? (For pages to show or hide the form; the service still decides.)</summary>
    public bool MayFill(Actor actor, int departmentId, int year, int month) =>
        TasksOf(departmentId, year, month).FirstOrDefault() is { } task && Access.Allows(actor, Permission.EditTask, task);

    /// <summary>
    /// 退回修改: the office returns a submitted form with a reason; it is unlocked for the department to correct and
    /// submit again (its kept files are replaced at the new submission).
    /// </summary>
    public SelfCheck Return(int departmentId, int year, int month, string? reason, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, _audit);
        var form = Find(departmentId, year, month);
        if (form?.SubmittedAt is null) throw new DomainRuleException("该自查自评表尚未提交，无需退回。");
        var text = (reason ?? "").Trim();
        if (text.Length == 0) throw new DomainRuleException("请填写退回原因。");
        if (text.Length > MaxReasonLength) throw new DomainRuleException($"退回原因不能超过{MaxReasonLength}字。");
        form.SubmittedAt = null;
        form.DocxSha256 = form.XlsxSha256 = "";
        (form.ReturnedAt, form.ReturnedBy, form.ReturnReason) = (clock.GetUtcNow().UtcDateTime, actor.Name, text);
        store.InTransaction(() =>
        {
            store.SelfChecks.Update(form);
            _audit.Record(actor.Name, "selfcheck.returned", Subject(form), text);
        });
        return form;
    }

    /// <summary>The DOCX: as kept at submission, else (a draft) rendered now.</summary>
    public void WriteDocx(SelfCheck form, Stream output)
    {
        if (form.DocxSha256.Length > 0) output.Write(files.Read(form.DocxSha256));
        else RenderDocx(form, output);
    }

    /// <summary>The XLSX: as kept at submission, else (a draft) rendered now.</summary>
    public void WriteXlsx(SelfCheck form, Stream output)
    {
        if (form.XlsxSha256.Length > 0) output.Write(files.Read(form.XlsxSha256));
        else RenderXlsx(form, output);
    }

    private void RenderDocx(SelfCheck form, Stream output) => SelfCheckDocument.Write(output, form,
        directory.DepartmentName(form.DepartmentId), form.SubmittedAt is { } at ? ToLocal(at) : null);

    private void RenderXlsx(SelfCheck form, Stream output)
    {
        var rows = form.Rows.Select((r, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(), r.TaskCode, r.TaskName, r.Progress, r.Problems, r.NextSteps,
            r.Completion is { } c ? c + "%" : "", r.Rating is { } rating ? ChineseLabels.Of(rating) : "",
        ]).ToList();
        rows.Add(["", "", "总体情况", form.Summary, "", "", "", ""]);
        rows.Add(["", "", "填报状态", form.SubmittedAt is { } at ? $"已提交：{form.SubmittedBy} {ToLocal(at):yyyy-MM-dd HH:mm}" : "草稿，未提交", "", "", "", ""]);
        SheetWriter.Write(output, $"{form.Year}年{form.Month}月自查自评",
            ["序号", "任务编号", "任务名称", "进展情况", "存在问题", "下一步措施", "完成程度", "自评等次"], rows,
            [6, 11, 30, 45, 30, 30, 10, 10]);
    }

    public string DepartmentName(int departmentId) => directory.DepartmentName(departmentId);

    public string FileName(SelfCheck form, string extension) =>
        $"{directory.DepartmentName(form.DepartmentId)}{form.Year}年{form.Month}月自查自评表.{extension}";

    private void DemandFill(Actor actor, SelfCheck form)
    {
        var first = form.Rows.Select(r => store.Tasks.FindById(r.TaskId)).OfType<KeyTask>().FirstOrDefault()
                    ?? throw new DomainRuleException("该处室本月没有需要自查的任务。");
        Access.Demand(actor, Permission.EditTask, _audit, first);
    }

    private static string Checked(string? given, string current, string field)
    {
        if (given is null) return current;
        var text = given.Trim();
        if (text.Length > ProgressLog.MaxTextLength) throw new DomainRuleException($"{field}不能超过{ProgressLog.MaxTextLength}字。");
        return text;
    }

    private string Subject(SelfCheck form) => $"自查自评 {directory.DepartmentName(form.DepartmentId)} {form.Year}年{form.Month}月";

    private DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone);
}
