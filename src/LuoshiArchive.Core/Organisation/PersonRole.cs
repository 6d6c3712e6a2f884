namespace LuoshiArchive.Core.Organisation;

/// <summary>A person's role in making work land.</summary>
public enum PersonRole
{
    /// <summary>工作人员</summary>
    Staff,
    /// <summary>处室(单位)主要负责人: first person responsible for the department's tasks.</summary>
    Head,
    /// <summary>分管委领导</summary>
    SupervisingLeader,
    /// <summary>专人: records progress, uploads evidence, fills the self-check form.</summary>
    DesignatedClerk,
}
