using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Accounts;

/// <summary>The records of the sign-in accounts.</summary>
public interface IAccountStore : IAuditStore
{
    /// <summary>Accounts, unique by name.</summary>
    IRecords<UserAccount> Users { get; }

    /// <summary>Personal API tokens, unique by the hash of their secret.</summary>
    IRecords<ApiToken> ApiTokens { get; }

    /// <summary>The name of the department with this id (an account may belong to one), or null when there is none.</summary>
    string? DepartmentName(int departmentId);

    /// <summary>The name of the 分管委领导 with this person id (a leader account is linked to one), or null.</summary>
    string? LeaderName(int personId);
}
