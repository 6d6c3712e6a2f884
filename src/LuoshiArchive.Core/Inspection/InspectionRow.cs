using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Inspection;

/// <summary>One task as an inspector checks it: clarities, status, evidence by kind, and what is missing.</summary>
public sealed record InspectionRow(
    KeyTask Task,
    TrafficLight Light,
    string LeadDepartment,
    string SupervisingLeader,
    IReadOnlyDictionary<EvidenceKind, int> EvidenceByKind,
    IReadOnlyList<Evidence> Dossier,
    IReadOnlyList<string> Flags)
{
    public int EvidenceTotal => Dossier.Count;
}
