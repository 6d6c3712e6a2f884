using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Assessment;

/// <summary>The weight of one task source in a scoring scheme.</summary>
public sealed class SourceWeight
{
    public TaskSource Source { get; set; }
    public decimal Weight { get; set; }
}
