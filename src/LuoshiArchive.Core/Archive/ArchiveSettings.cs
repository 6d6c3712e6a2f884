using System.Text.RegularExpressions;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Archive;

/// <summary>The archive settings an administrator keeps in the web UI (one record, id 1).</summary>
public sealed class ArchiveSettingsRecord
{
    public int Id { get; set; } = 1;
    /// <summary>全宗号: the archive's number for this organisation's records (DA/T 22), e.g. 0194.</summary>
    public string FondsNumber { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}

/// <summary>
/// 全宗号 as the administrator entered it (机构人员 page), else <see cref="LuoshiOptions.FondsNumber"/>: the first part of
/// every 档号 and the bundle's External-Identifier. A change applies to the next bundle and is audited.
/// </summary>
public sealed partial class ArchiveSettings(IArchiveStore store, LuoshiOptions options, Audit.AuditLog audit, TimeProvider clock)
{
    public string FondsNumber =>
        store.ArchiveSettings.FindById(1) is { FondsNumber.Length: > 0 } saved ? saved.FondsNumber : options.FondsNumber;

    public void SetFondsNumber(string value, Actor actor)
    {
        Access.Demand(actor, Permission.Administer, audit);
        var fonds = (value ?? "").Trim().ToUpperInvariant();
        if (!Valid().IsMatch(fonds))
            throw new DomainRuleException("全宗号应为 1 至 8 位数字或大写字母（如 0194），由档案馆给定。未做修改。");
        var before = FondsNumber;
        store.ArchiveSettings.Upsert(new ArchiveSettingsRecord { FondsNumber = fonds, ChangedAt = clock.GetUtcNow().UtcDateTime, ChangedBy = actor.Name });
        audit.Record(actor.Name, "archive.fonds-number", "全宗号", $"{before} → {fonds}");
    }

    [GeneratedRegex("^[0-9A-Z]{1,8}$")]
    private static partial Regex Valid();
}
