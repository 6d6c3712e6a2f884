using System.Globalization;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// The scoring schemes (考核评分办法) per year, versioned: every save by the office adds a version and changes none.
/// A year without a saved version uses <see cref="ScoringScheme.Defaults"/> (version 0).
/// </summary>
public sealed class ScoringSchemes(IAssessmentStore store, TimeProvider clock, Audit.AuditLog audit)
{
    private readonly Audit.AuditLog _audit = audit;

    /// <summary>The latest version for <paramref name="year"/>, or the defaults.</summary>
    public ScoringScheme Current(int year) =>
        store.ScoringSchemes.Find(s => s.Year == year).OrderByDescending(s => s.Version).FirstOrDefault() ?? ScoringScheme.Defaults(year);

    public ScoringScheme? Version(int year, int version) =>
        version == 0 ? ScoringScheme.Defaults(year) : store.ScoringSchemes.FindOne(s => s.Year == year && s.Version == version);

    /// <summary>Every saved version of the year, newest first.</summary>
    public IReadOnlyList<ScoringScheme> Versions(int year) =>
        store.ScoringSchemes.Find(s => s.Year == year).OrderByDescending(s => s.Version).ToList();

    /// <summary>Saves <paramref name="scheme"/> as the year's next version (office only); closed years keep their copy.</summary>
    public ScoringScheme Save(int year, ScoringScheme scheme, Actor actor)
    {
        Access.Demand(actor, Permission.Supervise, _audit);
        if (year is < 2000 or > 2100) throw new DomainRuleException("年度应在2000至2100之间。");
        scheme.Note = scheme.Note.Trim();
        var problems = scheme.Problems();
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        return store.InTransaction(() =>
        {
            store.LockForWrite("scoring_schemes");
            var saved = scheme.Copy();
            saved.Id = 0;
            saved.Year = year;
            saved.Version = store.ScoringSchemes.Find(s => s.Year == year).Select(s => s.Version).DefaultIfEmpty(0).Max() + 1;
            saved.SavedBy = actor.Name;
            saved.SavedAt = clock.GetUtcNow().UtcDateTime;
            store.ScoringSchemes.Insert(saved);
            _audit.Record(actor.Name, "assessment.scheme", $"{year}年考核评分办法",
                $"第 {saved.Version.ToString(CultureInfo.InvariantCulture)} 版" + (saved.Note.Length > 0 ? $"：{saved.Note}" : ""));
            return saved;
        });
    }
}
