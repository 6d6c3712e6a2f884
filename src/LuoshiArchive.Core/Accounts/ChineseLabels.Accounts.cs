using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core;

// The labels of Accounts' enumerations, kept beside them (the generic Parse and All find them by their Of).
public static partial class ChineseLabels
{
    private static readonly Dictionary<UserRole, string> UserRoles = new()
    {
        [UserRole.Admin] = "办公室管理员",
        [UserRole.OfficeSupervisor] = "督查督办",
        [UserRole.DepartmentUser] = "处室用户",
        [UserRole.Leader] = "委领导",
        [UserRole.Inspector] = "督查组",
    };

    public static string Of(UserRole value) => UserRoles[value];
}
