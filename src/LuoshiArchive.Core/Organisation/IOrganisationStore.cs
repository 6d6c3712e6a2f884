using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Organisation;

/// <summary>The records of the organisation directory (机构人员).</summary>
public interface IOrganisationStore : IAuditStore
{
    /// <summary>Departments (处室、单位), unique by name.</summary>
    IRecords<Department> Departments { get; }

    /// <summary>People: heads, supervising leaders, clerks.</summary>
    IRecords<Person> People { get; }
}
