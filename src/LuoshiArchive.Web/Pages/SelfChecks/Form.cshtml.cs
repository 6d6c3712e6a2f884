using LuoshiArchive.Core;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.SelfChecks;

/// <summary>One department's self-check for one month: fill (pre-filled), save a draft, submit (then locked), export DOCX/XLSX.</summary>
public class FormModel(SelfCheckService selfChecks) : PageModel
{
    public SelfCheck Form { get; private set; } = new();
    public string Department { get; private set; } = "";
    public bool Editable { get; private set; }
    [BindProperty] public List<RowInput> Rows { get; set; } = [];
    [BindProperty] public string? Summary { get; set; }
    public List<string> Errors { get; } = [];

    public sealed class RowInput
    {
        public int TaskId { get; set; }
        public string? Progress { get; set; }
        public string? Problems { get; set; }
        public string? NextSteps { get; set; }
        public SelfRating? Rating { get; set; }
    }

    public IActionResult OnGet(int department, int year, int month) => Load(department, year, month) ? Page() : NotFound();

    public IActionResult OnPostSave(int department, int year, int month) => Change(department, year, month, submit: false);

    public IActionResult OnPostSubmit(int department, int year, int month) => Change(department, year, month, submit: true);

    /// <summary>退回修改: the office returns a submitted form with a reason.</summary>
    public IActionResult OnPostReturn(int department, int year, int month, string? reason)
    {
        if (!Load(department, year, month)) return NotFound();
        try
        {
            selfChecks.Return(department, year, month, reason, User.Actor());
            TempData["Message"] = "已退回该处室修改，退回原因已告知处室。";
            return RedirectToPage(new { department, year, month });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
    }

    public IActionResult OnGetDocx(int department, int year, int month) => Export(department, year, month, "docx", selfChecks.WriteDocx);

    public IActionResult OnGetXlsx(int department, int year, int month) => Export(department, year, month, "xlsx", selfChecks.WriteXlsx);

    private IActionResult Change(int department, int year, int month, bool submit)
    {
        if (!Load(department, year, month)) return NotFound();
        var inputs = Rows.Select(r => new SelfCheckRowInput(r.TaskId, r.Progress ?? "", r.Problems ?? "", r.NextSteps ?? "", r.Rating)).ToList();
        try
        {
            if (submit) selfChecks.Submit(department, year, month, inputs, Summary ?? "", User.Actor());
            else selfChecks.Save(department, year, month, inputs, Summary ?? "", User.Actor());
            TempData["Message"] = submit ? "自查自评表已提交，已锁定保存。" : "草稿已保存。";
            return RedirectToPage(new { department, year, month });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            Load(department, year, month);
            // Show what was typed, not the stored draft.
            foreach (var row in Form.Rows)
            {
                if (Rows.FirstOrDefault(r => r.TaskId == row.TaskId) is not { } typed) continue;
                (row.Progress, row.Problems, row.NextSteps, row.Rating) = (typed.Progress ?? "", typed.Problems ?? "", typed.NextSteps ?? "", typed.Rating);
            }
            Form.Summary = Summary ?? "";
            return Page();
        }
    }

    private IActionResult Export(int department, int year, int month, string extension, Action<SelfCheck, Stream> write)
    {
        if (!Load(department, year, month)) return NotFound();
        var output = new MemoryStream();
        write(Form, output);
        output.Position = 0;
        var name = selfChecks.FileName(Form, extension);
        return File(output, ContentTypes.For(name), name);
    }

    private bool Load(int department, int year, int month)
    {
        if (year is < 2000 or > 2100 || month is < 1 or > 12) return false;
        try
        {
            Form = selfChecks.Prepare(department, year, month, User.Actor());
        }
        catch (DomainRuleException)
        {
            return false;
        }
        Department = selfChecks.DepartmentName(department);
        Editable = Form.SubmittedAt is null && selfChecks.MayFill(User.Actor(), department, year, month);
        return true;
    }
}
