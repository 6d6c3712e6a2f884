namespace LuoshiArchive.Core.Text;

/// <summary>A file that cannot be taken in; the message (Chinese) names the file, what is wrong and what to do.</summary>
public sealed class ExtractionException(ExtractionProblem problem, string message) : DomainRuleException(message)
{
    public ExtractionProblem Problem { get; } = problem;
}
