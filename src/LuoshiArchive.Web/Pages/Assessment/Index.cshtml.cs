using LuoshiArchive.Core;
using LuoshiArchive.Core.Assessment;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Assessment;

/// <summary>
/// The assessment (考核) of a year: department ranking, leader areas, item-by-item scores with accountability marks;
/// one click from here drafts a commendation or a criticism; the office closes the year; reports download as DOCX/XLSX.
/// </summary>
public class IndexModel(AssessmentService assessment, TaskRegistry tasks) : PageModel
{
    public AssessmentResult Result { get; private set; } = new();
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<TaskScore> Commendable { get; private set; } = [];
    public IReadOnlyList<TaskScore> Criticisable { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public IActionResult OnGet(int? year)
    {
        if (!Load(year)) return NotFound();
        return Page();
    }

    public IActionResult OnPostCommend(int year) => Draft(year, () => assessment.StartCommendation(year, User.Actor()).Id);

    public IActionResult OnPostCriticise(int year) => Draft(year, () => assessment.StartCriticism(year, User.Actor()).Id);

    public IActionResult OnPostClose(int year) => Act(year, () =>
    {
        assessment.Close(year, User.Actor());
        return $"{year}年度考核结果已确定；此后修改评分办法不影响该年度结果。";
    });

    public IActionResult OnPostReopen(int year, string? reason) => Act(year, () =>
    {
        assessment.Reopen(year, reason, User.Actor());
        return $"{year}年度考核已重新开放，结果按最新评分办法实时计算。";
    });

    public IActionResult OnGetDocx(int year, int? quarter) => Download(year, quarter, "docx");

    public IActionResult OnGetXlsx(int year, int? quarter) => Download(year, quarter, "xlsx");

    private IActionResult Download(int year, int? quarter, string extension)
    {
        if (year is < 2000 or > 2100 || quarter is < 1 or > 4) return NotFound();
        var result = assessment.Result(year, quarter, User.Actor());
        var output = new MemoryStream();
        if (extension == "docx") assessment.WriteDocx(result, output);
        else assessment.WriteXlsx(result, output);
        output.Position = 0;
        var name = AssessmentService.FileName(result, extension);
        return File(output, ContentTypes.For(name), name);
    }

    private IActionResult Draft(int year, Func<int> start)
    {
        try
        {
            var id = start();
            TempData["Message"] = "已按考核结果起草通报，请修改后印发。";
            return RedirectToPage("/Documents/Edit", new { id });
        }
        catch (DomainRuleException e)
        {
            return Failed(year, e);
        }
    }

    private IActionResult Act(int year, Func<string> action)
    {
        try
        {
            TempData["Message"] = action();
            return RedirectToPage(new { year });
        }
        catch (DomainRuleException e)
        {
            return Failed(year, e);
        }
    }

    private IActionResult Failed(int year, DomainRuleException e)
    {
        if (!Load(year)) return NotFound();
        Errors.Add(e.Message);
        return Page();
    }

    private bool Load(int? year)
    {
        var today = tasks.Today;
        Years = tasks.Years();
        Year = year ?? (Years.Contains(today.Year) || Years.Count == 0 ? today.Year : Years[0]);
        if (Year is < 2000 or > 2100) return false;
        Result = assessment.Result(Year, null, User.Actor());
        Commendable = assessment.CommendationCandidates(Result);
        Criticisable = assessment.CriticismCandidates(Result);
        return true;
    }
}
