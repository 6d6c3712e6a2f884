using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.OneTable;

/// <summary>Imports the annual decomposition from XLSX; any bad row and nothing is imported, every problem listed.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Accounts.Permission.CreateTasks))]
public class ImportModel(OneTableService oneTable) : PageModel
{
    public OneTableImportResult? Result { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            Result = OneTableImportResult.Failed([new OneTableImportProblem(0, "", "请选择要导入的 XLSX 文件。")]);
            return Page();
        }
        FileName = file.FileName;
        using var stream = file.OpenReadStream();
        Result = oneTable.ImportXlsx(stream, User.Actor());
        if (!Result.Succeeded) return Page();
        TempData["Message"] = $"已从“{file.FileName}”导入 {Result.ImportedCodes.Count} 项任务" +
                              (Result.CreatedDepartments.Count > 0 ? $"，新建处室：{string.Join("、", Result.CreatedDepartments)}" : "") +
                              (Result.CreatedPeople.Count > 0 ? $"，新建人员：{string.Join("、", Result.CreatedPeople)}" : "") + "。";
        return RedirectToPage("Index");
    }
}
