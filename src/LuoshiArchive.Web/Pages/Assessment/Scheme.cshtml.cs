using LuoshiArchive.Core;
using LuoshiArchive.Core.Assessment;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Assessment;

/// <summary>The year's scoring scheme (考核评分办法): the formulas, the current values, the form (office) and every version.</summary>
public class SchemeModel(AssessmentService assessment, TaskRegistry tasks) : FormPageModel
{
    public int Year { get; private set; }
    public ScoringScheme Scheme { get; private set; } = new();
    public IReadOnlyList<ScoringScheme> Versions { get; private set; } = [];
    public AssessmentResult? Closure { get; private set; }
    public bool Viewing { get; private set; }

    public sealed class SchemeInput
    {
        public List<decimal> KindWeights { get; set; } = [];
        public List<decimal> SourceWeights { get; set; } = [];
        public decimal TimelinessPoints { get; set; }
        public decimal LateDeduction { get; set; }
        public LateUnit LateUnit { get; set; }
        public decimal ExcellentPoints { get; set; }
        public decimal GoodPoints { get; set; }
        public decimal PassPoints { get; set; }
        public decimal FailPoints { get; set; }
        public decimal AccountabilityDeduction { get; set; }
        public decimal CommendationLine { get; set; }
        public decimal PassLine { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public SchemeInput Input { get; set; } = new();

    public IActionResult OnGet(int? year, int? version)
    {
        if (!Load(year)) return NotFound();
        if (version is { } v)
        {
            Scheme = assessment.Schemes.Version(Year, v) ?? Scheme;
            Viewing = true;
        }
        return Page();
    }

    public IActionResult OnPost(int year)
    {
        if (!Load(year)) return NotFound();
        var kinds = Enum.GetValues<TaskListKind>();
        var sources = Enum.GetValues<TaskSource>();
        if (!ModelState.IsValid || Input.KindWeights.Count != kinds.Length || Input.SourceWeights.Count != sources.Length)
            throw new DomainRuleException("表单内容无效（请检查各项数值）。");
        var scheme = new ScoringScheme
        {
            KindWeights = kinds.Select((k, i) => new KindWeight { Kind = k, Weight = Input.KindWeights[i] }).ToList(),
            SourceWeights = sources.Select((s, i) => new SourceWeight { Source = s, Weight = Input.SourceWeights[i] }).ToList(),
            TimelinessPoints = Input.TimelinessPoints, LateDeduction = Input.LateDeduction, LateUnit = Input.LateUnit,
            ExcellentPoints = Input.ExcellentPoints, GoodPoints = Input.GoodPoints, PassPoints = Input.PassPoints, FailPoints = Input.FailPoints,
            AccountabilityDeduction = Input.AccountabilityDeduction, CommendationLine = Input.CommendationLine, PassLine = Input.PassLine,
            Note = Input.Note ?? "",
        };
        var saved = assessment.Schemes.Save(Year, scheme, User.Actor());
        TempData["Message"] = $"{Year}年考核评分办法第 {saved.Version} 版已保存。" + (Closure is not null ? "该年度考核结果已确定，不受影响。" : "");
        return RedirectToPage(new { year = Year });
    }

    private bool Load(int? year)
    {
        Year = year ?? tasks.Today.Year;
        if (Year is < 2000 or > 2100) return false;
        Scheme = assessment.Schemes.Current(Year);
        Versions = assessment.Schemes.Versions(Year);
        Closure = assessment.Closure(Year);
        return true;
    }
}
