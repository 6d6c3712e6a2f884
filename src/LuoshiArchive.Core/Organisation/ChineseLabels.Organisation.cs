using LuoshiArchive.Core.Organisation;

namespace LuoshiArchive.Core;

// The labels of Organisation' enumerations, kept beside them (the generic Parse and All find them by their Of).
public static partial class ChineseLabels
{
    private static readonly Dictionary<PersonRole, string> PersonRoles = new()
    {
        [PersonRole.Staff] = "工作人员",
        [PersonRole.Head] = "主要负责人",
        [PersonRole.SupervisingLeader] = "分管委领导",
        [PersonRole.DesignatedClerk] = "专人",
    };

    public static string Of(PersonRole value) => PersonRoles[value];
}
