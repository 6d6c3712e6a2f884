namespace LuoshiArchive.Core.Tasks;

/// <summary>Why a key task exists (任务来源): the six sources the notice names.</summary>
public enum TaskSource
{
    /// <summary>党中央国务院部署 / 两办督办</summary>
    Central,
    /// <summary>市委市政府部署 / 工作要点 / 政府工作报告</summary>
    Municipal,
    /// <summary>市领导批示交办 / 市级文件</summary>
    MunicipalInstruction,
    /// <summary>人大建议政协提案</summary>
    Proposal,
    /// <summary>委党组会 / 主任办公会 / 专题会决定</summary>
    CommissionMeeting,
    /// <summary>委领导批示交办</summary>
    LeaderInstruction,
}
