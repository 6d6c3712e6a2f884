namespace LuoshiArchive.Core.Meetings;

/// <summary>The meetings of the notice's cadence (四): deployment, monthly push, quarterly dispatch, and the others.</summary>
public enum MeetingKind
{
    /// <summary>年初部署会</summary>
    AnnualDeployment,
    /// <summary>每月推动会</summary>
    MonthlyPush,
    /// <summary>每季度调度会</summary>
    QuarterlyDispatch,
    /// <summary>不定期协调推动会</summary>
    Coordination,
    /// <summary>处室每周例会</summary>
    WeeklyDepartment,
    /// <summary>党组会</summary>
    PartyGroup,
    /// <summary>主任办公会</summary>
    DirectorsOffice,
    /// <summary>专题会</summary>
    Special,
}
