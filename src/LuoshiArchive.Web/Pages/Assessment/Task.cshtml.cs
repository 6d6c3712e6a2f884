using LuoshiArchive.Core;
using LuoshiArchive.Core.Assessment;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Assessment;

/// <summary>
/// One task's assessment: the score and every line explaining it; the rating form for leaders; the bonus/deduction and
/// accountability forms for the office.
/// </summary>
public class TaskModel(AssessmentService assessment, AssessmentRecords records, TaskRegistry tasks) : PageModel
{
    public KeyTask Current { get; private set; } = new();
    public TaskScore? Score { get; private set; }
    public bool Closed { get; private set; }
    public ResultRating? Rating { get; private set; }
    public IReadOnlyList<ScoreAdjustment> Adjustments { get; private set; } = [];
    public IReadOnlyList<AccountabilityEntry> Accountability { get; private set; } = [];
    public DateOnly Today => tasks.Today;
    public List<string> Errors { get; } = [];

    public IActionResult OnGet(string code) => Load(code) ? Page() : NotFound();

    public IActionResult OnPostRate(string code, ResultLevel level, string? note) =>
        Act(code, () => $"已评定为“{ChineseLabels.Of(records.Rate(code, level, note, User.Actor()).Level)}”。");

    public IActionResult OnPostAdjust(string code, AdjustmentKind kind, decimal? points, string? reason, string? document) =>
        Act(code, () =>
        {
            var adjustment = records.Adjust(code, kind, points ?? 0, reason, document, User.Actor());
            return $"已记录{ChineseLabels.Of(adjustment.Kind)} {TaskScoring.Points(adjustment.Points)} 分。";
        });

    public IActionResult OnPostAccountability(string code, string? who, string? decision, string? document, DateOnly? decidedOn) =>
        Act(code, () => $"已记录问责：{records.RecordAccountability(code, who, decision, document, decidedOn, User.Actor())}。");

    private IActionResult Act(string code, Func<string> action)
    {
        if (tasks.Find(code) is null) return NotFound();
        try
        {
            if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效（请检查分值和日期格式）。");
            TempData["Message"] = action();
            return RedirectToPage(new { code });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Load(code) ? Page() : NotFound();
        }
    }

    private bool Load(string code)
    {
        var actor = User.Actor();
        Score = assessment.TaskScoreOf(code, actor);
        var task = tasks.Find(code);
        if (task is null) return false;
        Current = task;
        Closed = assessment.IsClosed(task.Year);
        Rating = records.RatingOf(task.Id);
        Adjustments = records.AdjustmentsOf(task.Id);
        Accountability = records.AccountabilityOf(task.Id);
        return true;
    }
}
