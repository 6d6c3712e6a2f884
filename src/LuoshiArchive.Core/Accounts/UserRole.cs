namespace LuoshiArchive.Core.Accounts;

/// <summary>Sign-in roles; what each may do is decided by <see cref="Access"/>.</summary>
public enum UserRole
{
    /// <summary>办公室管理员</summary>
    Admin,
    /// <summary>督查督办</summary>
    OfficeSupervisor,
    /// <summary>处室用户</summary>
    DepartmentUser,
    /// <summary>委领导</summary>
    Leader,
    /// <summary>督查组</summary>
    Inspector,
}
