namespace LuoshiArchive.Core.PublicProgress;

/// <summary>
/// The commission's disclosure metadata, as on its public catalogue (政府信息公开目录): the 索引号's prefix (the
/// organisation's code, e.g. 000125225 in 000125225/2018-00008), the 主题分类 and the 公开属性 shown with every public
/// task. One record, id 1; missing, the defaults apply.
/// </summary>
public sealed class DisclosureSettings
{
    public const string DefaultTheme = @"综合政务\政务督查";
    public const string DefaultAttribute = "主动公开";

    public int Id { get; set; } = 1;
    /// <summary>索引号 prefix (组织机构代码 or 统一社会信用代码); empty: the 索引号 is year and number only.</summary>
    public string IndexPrefix { get; set; } = "";
    /// <summary>主题分类, e.g. 综合政务\政务督查.</summary>
    public string Theme { get; set; } = DefaultTheme;
    /// <summary>公开属性, e.g. 主动公开.</summary>
    public string Attribute { get; set; } = DefaultAttribute;
    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";

    /// <summary>
    /// The 索引号 of a publication: prefix/year-number, e.g. 000125225/2018-00008 (2018-00008 without prefix).
    /// </summary>
    public string IndexNumber(int year, int sequence)
    {
        var number = $"{year:0000}-{sequence:00000}";
        return IndexPrefix.Length == 0 ? number : $"{IndexPrefix}/{number}";
    }
}
