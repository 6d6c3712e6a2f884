using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Core.Supervision;

/// <summary>What a user enters for a progress report; files come separately as <see cref="IncomingFile"/>s.</summary>
public sealed record ProgressDraft
{
    public DateOnly Date { get; init; }
    public string Text { get; init; } = "";
    public int? Completion { get; init; }
    public string Problems { get; init; } = "";
    public string NextSteps { get; init; } = "";
    /// <summary>The kind the attached files are filed under.</summary>
    public EvidenceKind EvidenceKind { get; init; } = EvidenceKind.ProcessRecord;
}
