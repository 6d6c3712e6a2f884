namespace LuoshiArchive.Core.Accounts;

/// <summary>What the access rules need to know of a task: its code and the departments it concerns.</summary>
public interface ITaskScope
{
    /// <summary>The task's code, named in a refusal.</summary>
    string Code { get; }

    /// <summary>The lead department (牵头处室), whose users may edit the task.</summary>
    int? LeadDepartmentId { get; }

    /// <summary>The cooperating departments (配合处室), whose users may read it and file evidence.</summary>
    List<int> CooperatingDepartmentIds { get; }
}
