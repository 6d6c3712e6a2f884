namespace LuoshiArchive.Core.Organisation;

/// <summary>A person named on tasks: 责任人, 分管委领导, 专人. Not a sign-in account (see Accounts).</summary>
public sealed class Person
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Null for commission leaders, who belong to no department.</summary>
    public int? DepartmentId { get; set; }
    public PersonRole Role { get; set; }
    /// <summary>职务, e.g. "副主任".</summary>
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";
}
