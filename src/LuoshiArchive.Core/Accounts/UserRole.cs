namespace LuoshiArchive.Core.Accounts;

/// <summary>Sign-in roles. For now every signed-in role may do everything; per-role rules come with accounts hardening.</summary>
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
