using LuoshiArchive.Core.Assessment;

namespace LuoshiArchive.Core;

// The assessment's labels, kept beside the feature.
public static partial class ChineseLabels
{
    public static string Of(ResultLevel value) => value switch
    {
        ResultLevel.Excellent => "优秀",
        ResultLevel.Good => "良好",
        ResultLevel.Pass => "合格",
        _ => "不合格",
    };

    public static string Of(AdjustmentKind value) => value switch
    {
        AdjustmentKind.Commended => "表扬",
        AdjustmentKind.Criticised => "批评",
        _ => "其他",
    };

    public static string Of(LateUnit value) => value == LateUnit.Day ? "按天" : "按周（不足一周按一周）";
}
