namespace LuoshiArchive.Core.Assessment;

/// <summary>The supervising leader's rating of a task's result (完成效果), one of four grades.</summary>
public enum ResultLevel
{
    /// <summary>优秀</summary>
    Excellent,
    /// <summary>良好</summary>
    Good,
    /// <summary>合格</summary>
    Pass,
    /// <summary>不合格</summary>
    Fail,
}
