using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>
/// 年度结转: the office ticks the year's unfinished tasks to carry into the next year (new tasks linked to the old
/// ones), so the year can be closed and bundled. Only the office (who may create tasks) sees or posts it.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Permission.CreateTasks))]
public class CarryOverModel(TaskRegistry tasks) : FormPageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<KeyTask> Candidates { get; private set; } = [];
    public IReadOnlyList<KeyTask> Carried { get; private set; } = [];
    public IReadOnlySet<string> Chosen { get; private set; } = new HashSet<string>();
    public DateOnly Deadline { get; private set; }
    public DateOnly Today => tasks.Today;

    public IActionResult OnGet(int? year)
    {
        Load(year);
        Chosen = Candidates.Select(t => t.Code).ToHashSet();
        return Page();
    }

    public IActionResult OnPost(int year, List<string> codes, DateOnly? deadline)
    {
        Load(year);
        Chosen = codes.ToHashSet();
        if (deadline is { } d) Deadline = d;
        if (!ModelState.IsValid) throw new DomainRuleException("完成时限无效，请按“年-月-日”填写。");
        var carried = tasks.CarryOver(year, codes, deadline, User.Actor());
        TempData["Message"] = $"已结转 {carried.Count} 项任务到{year + 1}年度：" +
            string.Join("、", carried.Select(t => t.Code)) + "。";
        return RedirectToPage(new { year });
    }

    private void Load(int? year)
    {
        Years = tasks.Years();
        Year = year ?? (Years.Contains(Today.Year) ? Today.Year : Years.DefaultIfEmpty(Today.Year).Max());
        Candidates = tasks.CarryOverCandidates(Year);
        Carried = tasks.List(new TaskFilter { Year = Year }).Select(i => i.Task).Where(t => t.CarriedToId is not null)
            .ToList();
        Deadline = TaskRegistry.CarryOverDeadline(Year);
    }

    public string CodeOf(int? id) => id is { } i ? tasks.FindById(i)?.Code ?? "" : "";
}
