namespace LuoshiArchive.Core.OneTable;

/// <summary>The outcome of an import: either every row imported, or nothing and every problem listed.</summary>
public sealed record OneTableImportResult(
    IReadOnlyList<OneTableImportProblem> Problems,
    IReadOnlyList<string> ImportedCodes,
    IReadOnlyList<string> CreatedDepartments,
    IReadOnlyList<string> CreatedPeople)
{
    public bool Succeeded => Problems.Count == 0;

    public static OneTableImportResult Failed(IReadOnlyList<OneTableImportProblem> problems) => new(problems, [], [], []);
}
