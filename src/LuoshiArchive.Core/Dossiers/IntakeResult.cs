namespace LuoshiArchive.Core.Dossiers;

/// <summary>The outcome of adding one file: the evidence, and whether its content was already stored (then only linked).</summary>
public sealed record IntakeResult(Evidence Evidence, bool AlreadyStored, IReadOnlyList<string> NewlyFiledIn);
