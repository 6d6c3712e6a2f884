using LuoshiArchive.Web.Infrastructure;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Admin;

/// <summary>Departments and people (机构人员): who can lead, answer for and supervise tasks.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Accounts.Permission.Administer))]
public class OrganisationModel(OrganisationDirectory directory, Core.Archive.ArchiveSettings archive) : FormPageModel
{
    [BindProperty] public string? FondsNumber { get; set; }
    [BindProperty] public DepartmentInput Department { get; set; } = new();
    [BindProperty] public PersonInput Person { get; set; } = new();
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];
    public OrganisationDirectory Directory => directory;

    public void OnGet(int? department, int? person)
    {
        Department = DepartmentInput.From(directory.Department(department) ?? new Department());
        Person = PersonInput.From(directory.Person(person) ?? new Person());
        Load();
    }

    /// <summary>全宗号 for the 档号 of the next annual bundle.</summary>
    public IActionResult OnPostFonds() => Save(() =>
    {
        archive.SetFondsNumber(FondsNumber ?? "", User.Actor());
        return $"全宗号已设为 {archive.FondsNumber}，用于此后生成的归档包。";
    });

    public IActionResult OnPostDepartment() => Save(() =>
    {
        directory.SaveDepartment(Department.ToDepartment(), User.Actor());
        return $"处室“{Department.Name}”已保存。";
    });

    public IActionResult OnPostPerson() => Save(() =>
    {
        directory.SavePerson(Person.ToPerson(), User.Actor());
        return $"人员“{Person.Name}”已保存。";
    });

    private IActionResult Save(Func<string> save)
    {
        if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效，请检查后重试。");
        TempData["Message"] = save();
        return RedirectToPage();
    }

    public override IActionResult Refused()
    {
        Load();
        return Page();
    }

    private void Load()
    {
        FondsNumber ??= archive.FondsNumber;
        Departments = directory.Departments();
        People = directory.People();
    }

    /// <summary>The department form; strings are nullable because an empty field posts as null.</summary>
    public sealed class DepartmentInput
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public string? Code { get; set; }
        public int SortOrder { get; set; }

        public static DepartmentInput From(Department d) => new() { Id = d.Id, Name = d.Name, Code = d.Code, SortOrder = d.SortOrder };

        public Department ToDepartment() => new() { Id = Id, Name = Name ?? "", Code = Code ?? "", SortOrder = SortOrder };
    }

    public sealed class PersonInput
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public PersonRole Role { get; set; }
        public int? DepartmentId { get; set; }
        public string? Title { get; set; }
        public string? Phone { get; set; }

        public static PersonInput From(Person p) => new()
            { Id = p.Id, Name = p.Name, Role = p.Role, DepartmentId = p.DepartmentId, Title = p.Title, Phone = p.Phone };

        public Person ToPerson() => new()
            { Id = Id, Name = Name ?? "", Role = Role, DepartmentId = DepartmentId, Title = Title ?? "", Phone = Phone ?? "" };
    }
}
