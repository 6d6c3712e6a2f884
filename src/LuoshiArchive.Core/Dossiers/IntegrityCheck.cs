using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// <c>luoshi check</c>: reads every stored original against its SHA-256, compares the search index with the store and
/// verifies the audit chain. Changes nothing; every problem is one line in Chinese that says what to do.
/// </summary>
public sealed class IntegrityCheck(IEvidenceStore store, IBlobStore blobs, EvidenceIndexing indexing, AuditLog audit)
{
    public sealed record Report(int Originals, int Evidence, IReadOnlyList<string> Problems);

    public Report Run(IProgress<(int Done, int Total)>? progress = null)
    {
        var problems = new List<string>();
        var evidence = store.Evidence.FindAll().OrderBy(e => e.Id).ToList();
        var referenced = evidence.GroupBy(e => e.Sha256).ToDictionary(g => g.Key, g => g.ToList());
        var onDisk = blobs.StoredDigests().ToList();
        var all = onDisk.Union(referenced.Keys).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            var sha = all[i];
            var state = BlobStore.IsDigest(sha) ? blobs.Check(sha) : BlobState.Missing;
            if (state != BlobState.Intact) problems.Add(Describe(sha, state, referenced.GetValueOrDefault(sha)));
            progress?.Report((i + 1, all.Count));
        }

        var (missing, extra) = indexing.Compare();
        var titles = evidence.ToDictionary(e => e.Id, e => e.Title);
        problems.AddRange(missing.Select(id => $"检索索引缺少材料 {id}「{titles.GetValueOrDefault(id)}」：运行 luoshi reindex 重建索引。"));
        problems.AddRange(extra.Select(id => $"检索索引中有库中已没有（或已移出）的材料 {id}：运行 luoshi reindex 重建索引。"));

        problems.AddRange(audit.Verify().Select(p => "审计记录：" + p));
        return new Report(onDisk.Count, evidence.Count, problems);
    }

    private static string Describe(string sha, BlobState state, List<Evidence>? owners)
    {
        var path = BlobStore.IsDigest(sha) ? BlobStore.RelativePath(sha) : sha;
        var whose = owners is null ? "（没有材料引用它）" : "（" + string.Join("、", owners.Select(e => $"材料 {e.Id}「{e.Title}」")) + "）";
        return state == BlobState.Missing
            ? $"原件缺失：{path}{whose}：请从备份恢复该文件。"
            : $"原件已损坏：{path}{whose}的内容与其 SHA-256 不符：请从备份恢复该文件。";
    }
}
