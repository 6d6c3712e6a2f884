namespace LuoshiArchive.Core.Organisation;

/// <summary>A department (处室/单位) of the commission.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>机构代码 used in archive numbers (档号), e.g. "BGS".</summary>
    public string Code { get; set; } = "";
    public int SortOrder { get; set; }
}
