using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Audit;

/// <summary>
/// The append-only audit trail, hash-chained: entry n's hash covers its own fields and entry n−1's hash. Nothing in
/// the product updates or deletes an entry; <see cref="Verify"/> finds any entry that was.
/// </summary>
public sealed class AuditLog(IAuditStore store, TimeProvider clock)
{
    public void Record(string who, string action, string subject, string details = "")
    {
        // One serial order across threads and processes sharing a store: LockForWrite holds until the commit.
        store.InTransaction(() =>
        {
            store.LockForWrite("audit");
            var last = store.Audit.FindLast();
            var entry = new AuditEntry
            {
                At = TruncateToMilliseconds(clock.GetUtcNow().UtcDateTime), Who = who, Action = action, Subject = subject,
                Details = details, PreviousHash = last?.Hash ?? "",
            };
            entry.Hash = HashOf(entry);
            store.Audit.Insert(entry);
        });
    }

    public IReadOnlyList<AuditEntry> Find(string? who = null, string? action = null, DateOnly? from = null, DateOnly? to = null, int limit = 500) =>
        store.Audit.FindAll()
            .Where(e => string.IsNullOrWhiteSpace(who) || e.Who.Contains(who.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(e => string.IsNullOrWhiteSpace(action) || AuditActions.Matches(e.Action, action.Trim()))
            .Where(e => from is null || DateOnly.FromDateTime(e.At) >= from)
            .Where(e => to is null || DateOnly.FromDateTime(e.At) <= to)
            .OrderByDescending(e => e.Id).Take(limit).ToList();

    /// <summary>Every break in the chain: an entry whose content no longer matches its hash, or whose predecessor is missing.</summary>
    public IReadOnlyList<string> Verify()
    {
        var problems = new List<string>();
        var previous = "";
        var expectedId = 1;
        foreach (var entry in store.Audit.FindAll().OrderBy(e => e.Id))
        {
            if (entry.Id != expectedId) problems.Add($"第 {expectedId}–{entry.Id - 1} 条记录缺失（被删除）。");
            if (entry.PreviousHash != previous) problems.Add($"第 {entry.Id} 条记录与前一条不衔接（前面的记录被删除或改动）。");
            if (HashOf(entry) != entry.Hash) problems.Add($"第 {entry.Id} 条记录的内容被改动过。");
            previous = entry.Hash;
            expectedId = entry.Id + 1;
        }
        return problems;
    }

    private static string HashOf(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        e.PreviousHash, e.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), e.Who, e.Action, e.Subject, e.Details))));

    // The store keeps DateTime to the millisecond: hash what is stored, not what was in memory.
    private static DateTime TruncateToMilliseconds(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
