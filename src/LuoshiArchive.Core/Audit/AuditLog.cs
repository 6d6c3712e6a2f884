using System.Globalization;
using System.Text;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Audit;

/// <summary>
/// The append-only audit trail, hash-chained: entry n's hash covers its own fields and entry n−1's hash. Nothing in
/// the product updates or deletes an entry; <see cref="Verify"/> finds any entry that was.
/// </summary>
/// <remarks>
/// An entry is written in two steps. <see cref="Record"/> inserts it into <see cref="IAuditStore.AuditPending"/>, in
/// the caller's transaction if there is one, so it exists exactly when the change it records does, and takes no lock.
/// Once that transaction has committed, <see cref="Seal"/> moves every pending entry, in id order, to the end of the
/// chain, in a transaction of its own under <see cref="IUnitOfWork.LockForWrite"/>("audit") (one sealer at a time
/// across threads, processes and PostgreSQL nodes): each gets the next id (no gaps, whatever rolled back) and is
/// hashed as read back from the store (which may change a string on the way in, e.g. trim a trailing space). A
/// caller's transaction never waits for that lock, so sealing and writers cannot wait for each other.
/// Hashes are keyed with the <see cref="AuditKey"/> (HMAC-SHA256) when the store has one. One instance per process.
/// </remarks>
public sealed class AuditLog(IAuditStore store, TimeProvider clock, AuditKey key)
{
    /// <summary>The key the chain is hashed with (or the path where it is missing).</summary>
    public AuditKey Key => key;

    public void Record(string who, string action, string subject, string details = "")
    {
        store.InTransaction(() =>
        {
            store.AuditPending.Insert(new AuditEntry
            {
                At = TruncateToMilliseconds(clock.GetUtcNow().UtcDateTime), Who = who, Action = action, Subject = subject,
                Details = details,
            });
            store.AfterCommit(Seal);
        });
    }

    /// <summary>
    /// Chains the committed pending entries. Runs after every transaction that recorded one, and before
    /// <see cref="Verify"/> (for entries a crash left pending).
    /// </summary>
    public void Seal()
    {
        if (store.AuditPending.Count() == 0) return; // sealed already (ours too, once it is committed): no lock needed
        store.InTransaction(() =>
        {
            store.LockForWrite("audit");
            var pending = store.AuditPending.FindAll().OrderBy(e => e.Id).ToList();
            if (pending.Count == 0) return;
            var last = store.Audit.FindLast();
            if (!key.Present && last is not null && AuditKey.IsKeyed(last.Hash))
                throw new DomainRuleException($"审计密钥文件 {key.Path} 不存在，而审计记录以密钥计算，新记录无法入链。" +
                    "请从单独保存的密钥备份恢复该文件（多个节点须使用同一密钥文件）。");
            var (id, previous) = (last?.Id ?? 0, last?.Hash ?? "");
            foreach (var entry in pending) // as read back from the store: what is hashed is what is kept
            {
                store.AuditPending.Delete(entry.Id);
                (entry.Id, entry.PreviousHash) = (++id, previous);
                entry.Hash = previous = HashOf(entry);
                store.Audit.Insert(entry);
            }
        });
    }

    public IReadOnlyList<AuditEntry> Find(string? who = null, string? action = null, DateOnly? from = null, DateOnly? to = null, int limit = 500) =>
        store.Audit.FindAll()
            .Where(e => string.IsNullOrWhiteSpace(who) || e.Who.Contains(who.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(e => string.IsNullOrWhiteSpace(action) || AuditActions.Matches(e.Action, action.Trim()))
            .Where(e => from is null || DateOnly.FromDateTime(e.At) >= from)
            .Where(e => to is null || DateOnly.FromDateTime(e.At) <= to)
            .OrderByDescending(e => e.Id).Take(limit).ToList();

    /// <summary>
    /// Every break in the chain: an entry whose content no longer matches its hash, whose predecessor is missing, or
    /// that was hashed without the key although the store has one; and a missing key file where entries need it.
    /// </summary>
    public IReadOnlyList<string> Verify()
    {
        if (key.Present) Seal(); // without the key, entries that need it cannot be sealed: say so below instead
        var problems = new List<string>();
        var previous = "";
        var expectedId = 1;
        int? needsKey = null;
        foreach (var entry in store.Audit.FindAll().OrderBy(e => e.Id))
        {
            if (entry.Id != expectedId) problems.Add($"第 {expectedId}–{entry.Id - 1} 条记录缺失（被删除）。");
            if (entry.PreviousHash != previous) problems.Add($"第 {entry.Id} 条记录与前一条不衔接（前面的记录被删除或改动）。");
            var keyed = AuditKey.IsKeyed(entry.Hash);
            if (keyed && !key.Present) needsKey ??= entry.Id;
            else if (!keyed && key.Present) problems.Add($"第 {entry.Id} 条记录不是用审计密钥计算的：记录链在密钥之外被重算过。");
            else if (HashOf(entry) != entry.Hash) problems.Add($"第 {entry.Id} 条记录的内容被改动过。");
            previous = entry.Hash;
            expectedId = entry.Id + 1;
        }
        if (needsKey is { } from)
            problems.Insert(0, $"审计密钥文件 {key.Path} 不存在：第 {from} 条起的记录以密钥计算，无法校验。" +
                "请从单独保存的密钥备份恢复该文件，或用 Luoshi:AuditKeyPath 指向它。");
        return problems;
    }

    /// <summary>The chain's head now (its entries sealed first).</summary>
    public AuditHead Head()
    {
        Seal();
        var last = store.Audit.FindLast();
        var head = new AuditHead(store.Audit.Count(), last?.Id ?? 0, last?.Hash ?? "", clock.GetUtcNow().UtcDateTime);
        return key.Present ? head with { Mac = key.Hash(head.SignedBytes()) } : head;
    }

    /// <summary>
    /// What has happened to the chain since <paramref name="head"/> was taken (from a backup or a bundle): entries
    /// removed from its end, or a chain rewritten from some entry on. Empty when the chain still grows from that head.
    /// </summary>
    public IReadOnlyList<string> VerifyAgainst(AuditHead head, string source)
    {
        var problems = Verify().ToList();
        if (!key.Present && head.Mac != "")
            problems.Add($"审计密钥文件 {key.Path} 不存在：无法确认 {source} 中的审计链头未被改动。");
        else if (key.Present && head.Mac != key.Hash(head.SignedBytes()))
            problems.Add($"{source} 中的审计链头（{AuditHead.FileName}）与审计密钥不符：它被改动过，或不是本系统生成的。");
        if (head.LastId == 0) return problems;
        var count = store.Audit.Count();
        var entry = store.Audit.FindById(head.LastId);
        if (entry is null || count < head.Count)
            problems.Add($"审计记录被截短：{source}（{head.At.ToLocalTime():yyyy-MM-dd HH:mm}）记下 {head.Count} 条、" +
                $"最后一条为第 {head.LastId} 条，库中现有 {count} 条{(entry is null ? $"，第 {head.LastId} 条已不存在" : "")}。");
        else if (entry.Hash != head.LastHash)
            problems.Add($"审计记录链被改写：第 {head.LastId} 条的哈希与 {source}" +
                $"（{head.At.ToLocalTime():yyyy-MM-dd HH:mm}）中记下的不同，此前的记录被改动后整链重算过。");
        return problems;
    }

    private string HashOf(AuditEntry e) => key.Hash(Encoding.UTF8.GetBytes(string.Join('\u001f', e.PreviousHash,
        e.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        e.Who, e.Action, e.Subject, e.Details)));

    // The store keeps DateTime to the millisecond: hash what is stored, not what was in memory.
    private static DateTime TruncateToMilliseconds(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
