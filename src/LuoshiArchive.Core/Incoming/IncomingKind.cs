namespace LuoshiArchive.Core.Incoming;

/// <summary>What arrived (来文来件的类别); the CLI writes the lower-case English name.</summary>
public enum IncomingKind
{
    /// <summary>上级来文 (document)</summary>
    Document,
    /// <summary>领导批示件 (instruction)</summary>
    Instruction,
    /// <summary>交办事项 (assignment)</summary>
    Assignment,
    /// <summary>人大建议 (suggestion)</summary>
    Suggestion,
    /// <summary>政协提案 (proposal)</summary>
    Proposal,
    /// <summary>督查反馈 (feedback)</summary>
    Feedback,
}
