using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Assessment;

/// <summary>The weight of one list kind in a scoring scheme.</summary>
public sealed class KindWeight
{
    public TaskListKind Kind { get; set; }
    public decimal Weight { get; set; }
}
