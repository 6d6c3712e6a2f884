using LuoshiArchive.Core;
using LuoshiArchive.Core.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Admin;

/// <summary>Departments and people (机构人员): who can lead, answer for and supervise tasks.</summary>
public class OrganisationModel(OrganisationDirectory directory) : PageModel
{
    [BindProperty] public Department Department { get; set; } = new();
    [BindProperty] public Person Person { get; set; } = new();
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public OrganisationDirectory Directory => directory;

    public void OnGet(int? department, int? person)
    {
        Department = directory.Department(department) ?? new Department();
        Person = directory.Person(person) ?? new Person();
        Load();
    }

    public IActionResult OnPostDepartment() => Save(() =>
    {
        directory.SaveDepartment(Department);
        return $"处室“{Department.Name}”已保存。";
    });

    public IActionResult OnPostPerson() => Save(() =>
    {
        directory.SavePerson(Person);
        return $"人员“{Person.Name}”已保存。";
    });

    private IActionResult Save(Func<string> save)
    {
        try
        {
            if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效，请检查后重试。");
            TempData["Message"] = save();
            return RedirectToPage();
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            Load();
            return Page();
        }
    }

    private void Load()
    {
        Departments = directory.Departments();
        People = directory.People();
    }
}
