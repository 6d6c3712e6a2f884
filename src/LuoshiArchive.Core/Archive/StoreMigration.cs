using System.Reflection;
using System.Security.Cryptography;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Copies every record of one store into another, empty one (the embedded file into PostgreSQL: <c>luoshi migrate</c>),
/// ids kept, in one transaction of the target; then checks the counts, and every evidence blob against its SHA-256.
/// </summary>
public static class StoreMigration
{
    /// <summary>One kind of record: its name (the store's property) and how many there are.</summary>
    public sealed record RecordCount(string Name, int Source, int Target);

    /// <summary>How many records each kind of record holds in <paramref name="store"/>, all kinds.</summary>
    public static IReadOnlyList<(string Name, int Count)> Counts(ILuoshiStore store) =>
        RecordSets().Select(p => (p.Name, Count(p, store))).ToList();

    /// <summary>Copies; throws (the target untouched) when the target holds any record.</summary>
    public static IReadOnlyList<RecordCount> Copy(ILuoshiStore source, ILuoshiStore target,
        Action<string>? progress = null)
    {
        var held = Counts(target).Where(c => c.Count > 0).ToList();
        if (held.Count > 0)
            throw new DomainRuleException(
                $"目标数据库不是空的（已有 {held.Sum(c => c.Count)} 条记录，如 {held[0].Name} {held[0].Count} 条）：" +
                "只能迁移到空数据库，未做任何修改。");
        target.InTransaction(() =>
        {
            foreach (var set in RecordSets())
            {
                progress?.Invoke(set.Name);
                CopyMethod.MakeGenericMethod(set.PropertyType.GetGenericArguments()[0])
                    .Invoke(null, [set.GetValue(source), set.GetValue(target)]);
            }
        });
        return RecordSets().Select(p => new RecordCount(p.Name, Count(p, source), Count(p, target))).ToList();
    }

    /// <summary>The evidence whose blob is missing or whose bytes no longer match its SHA-256, as messages.</summary>
    public static IReadOnlyList<string> CheckBlobs(IEvidenceStore store, string storagePath)
    {
        var blobs = new BlobStore(storagePath);
        var problems = new List<string>();
        foreach (var evidence in store.Evidence.FindAll())
        {
            if (!blobs.Exists(evidence.Sha256))
            {
                problems.Add($"佐证材料 {evidence.Id}“{evidence.OriginalFileName}”的文件缺失。");
                continue;
            }
            using var content = blobs.OpenRead(evidence.Sha256);
            if (Convert.ToHexStringLower(SHA256.HashData(content)) != evidence.Sha256)
                problems.Add($"佐证材料 {evidence.Id}“{evidence.OriginalFileName}”的文件内容与登记的 SHA-256 不一致。");
        }
        return problems;
    }

    private static IEnumerable<PropertyInfo> RecordSets() =>
        new[] { typeof(ILuoshiStore) }.Concat(typeof(ILuoshiStore).GetInterfaces())
            .SelectMany(i => i.GetProperties())
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IRecords<>))
            .DistinctBy(p => p.Name)
            .OrderBy(p => p.Name, StringComparer.Ordinal);

    private static int Count(PropertyInfo set, ILuoshiStore store) =>
        (int)set.PropertyType.GetMethod(nameof(IRecords<object>.Count))!.Invoke(set.GetValue(store), [])!;

    private static readonly MethodInfo CopyMethod =
        typeof(StoreMigration).GetMethod(nameof(CopyAll), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static void CopyAll<T>(IRecords<T> from, IRecords<T> to) where T : class
    {
        foreach (var record in from.FindAll()) to.Insert(record);
    }
}
