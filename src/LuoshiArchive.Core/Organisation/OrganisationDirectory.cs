using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Organisation;

/// <summary>Departments and people: the admin page, task forms and the XLSX import all go through here.</summary>
public sealed class OrganisationDirectory(IOrganisationStore store, Audit.AuditLog audit)
{
    public IReadOnlyList<Department> Departments() =>
        store.Departments.FindAll().OrderBy(d => d.SortOrder).ThenBy(d => d.Id).ToList();

    public IReadOnlyList<Person> People() =>
        store.People.FindAll().OrderBy(p => p.Role).ThenBy(p => p.Id).ToList();

    public IReadOnlyList<Person> Leaders() => People().Where(p => p.Role == PersonRole.SupervisingLeader).ToList();

    public Department? Department(int? id) => id is { } i ? store.Departments.FindById(i) : null;
    public Person? Person(int? id) => id is { } i ? store.People.FindById(i) : null;

    public Department? DepartmentNamed(string name) => store.Departments.FindOne(d => d.Name == name.Trim());
    public Person? PersonNamed(string name) => store.People.FindOne(p => p.Name == name.Trim());

    public string DepartmentName(int? id) => Department(id)?.Name ?? "";
    public string PersonName(int? id) => Person(id)?.Name ?? "";

    public Department SaveDepartment(Department department)
    {
        department.Name = department.Name.Trim();
        department.Code = department.Code.Trim().ToUpperInvariant();
        if (department.Name.Length == 0) throw new DomainRuleException("处室名称不能为空。");
        if (department.Code.Length > 0 && !department.Code.All(char.IsAsciiLetterOrDigit))
            throw new DomainRuleException("机构代码只能由字母和数字组成，例如 BGS。");
        var sameName = DepartmentNamed(department.Name);
        if (sameName is not null && sameName.Id != department.Id)
            throw new DomainRuleException($"已有名为“{department.Name}”的处室。");
        if (department.Id == 0)
        {
            if (department.SortOrder == 0) department.SortOrder = store.Departments.Count() + 1;
            store.Departments.Insert(department);
        }
        else if (!store.Departments.Update(department))
        {
            throw new DomainRuleException("要修改的处室不存在。");
        }
        return department;
    }

    public Person SavePerson(Person person)
    {
        person.Name = person.Name.Trim();
        person.Title = person.Title.Trim();
        person.Phone = person.Phone.Trim();
        if (person.Name.Length == 0) throw new DomainRuleException("姓名不能为空。");
        if (person.DepartmentId is { } d && store.Departments.FindById(d) is null)
            throw new DomainRuleException("所选处室不存在。");
        if (person.Id == 0) store.People.Insert(person);
        else if (!store.People.Update(person)) throw new DomainRuleException("要修改的人员不存在。");
        return person;
    }

    /// <summary>An administrator saves a department on the organisation page: allowed to administrators only, audited before → after.</summary>
    public Department SaveDepartment(Department department, Accounts.Actor actor)
    {
        Accounts.Access.Demand(actor, Accounts.Permission.Administer, audit);
        var before = department.Id == 0 ? null : Department(department.Id);
        var saved = SaveDepartment(department);
        audit.Record(actor.Name, before is null ? "department.created" : "department.changed", $"处室 {saved.Name}",
            before is null ? $"机构代码 {saved.Code}" : $"{before.Name}（{before.Code}，序{before.SortOrder}）→ {saved.Name}（{saved.Code}，序{saved.SortOrder}）");
        return saved;
    }

    /// <summary>An administrator saves a person on the organisation page: allowed to administrators only, audited before → after.</summary>
    public Person SavePerson(Person person, Accounts.Actor actor)
    {
        Accounts.Access.Demand(actor, Accounts.Permission.Administer, audit);
        var before = person.Id == 0 ? null : Person(person.Id);
        string Describe(Person p) => $"{p.Name}，{ChineseLabels.Of(p.Role)}，{DepartmentName(p.DepartmentId)}，{p.Title}，{p.Phone}";
        var beforeText = before is null ? null : Describe(before);
        var saved = SavePerson(person);
        audit.Record(actor.Name, beforeText is null ? "person.created" : "person.changed", $"人员 {saved.Name}",
            beforeText is null ? Describe(saved) : $"{beforeText} → {Describe(saved)}");
        return saved;
    }

    /// <summary>Used by imports: a department named in a spreadsheet that the store does not know yet is created.</summary>
    public Department FindOrCreateDepartment(string name) =>
        DepartmentNamed(name) ?? SaveDepartment(new Department { Name = name });

    public Person FindOrCreatePerson(string name, PersonRole role, int? departmentId) =>
        PersonNamed(name) ?? SavePerson(new Person { Name = name, Role = role, DepartmentId = departmentId });
}
