using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Bundle verification and import from the web page, for administrators: an uploaded bundle is kept in
/// storage/imports/ under a job id (never a name from the request), verified in the background (the BagIt checks and
/// that it is one of our annual bundles), its report shown; if its years are not in the store yet it can then be
/// imported, with progress. The file is deleted once imported, refused or discarded.
/// </summary>
public sealed class BundleImportJobs(BundleImport import, TaskRegistry tasks, LuoshiOptions options, Audit.AuditLog audit,
    Storage.ILeases leases)
{
    public enum State { Verifying, Refused, Verified, Importing, Imported, Failed }

    public sealed class Job
    {
        public required Guid Id { get; init; }
        public required string FileName { get; init; }
        public required string StartedBy { get; init; }
        public required string File { get; init; }
        public long Length { get; init; }
        public State State { get; internal set; }
        /// <summary>What verification found wrong (empty when the bag is valid).</summary>
        public IReadOnlyList<string> Problems { get; internal set; } = [];
        public IReadOnlyList<int> Years { get; internal set; } = [];
        /// <summary>Years of the bundle the store has tasks of already: it cannot be imported here.</summary>
        public IReadOnlyList<int> YearsPresent { get; internal set; } = [];
        public int Tasks { get; internal set; }
        public int Files { get; internal set; }
        public int Done { get; internal set; }
        public int Total { get; internal set; }
        public string Message { get; internal set; } = "";
        public bool MayImport => State == State.Verified && YearsPresent.Count == 0;
    }

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public Job? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>Keeps the uploaded bundle and starts verifying it in the background.</summary>
    public async Task<Job> ReceiveAsync(Stream content, string fileName, Actor actor, CancellationToken cancellation)
    {
        Access.Demand(actor, Permission.ImportArchive, audit);
        if (!fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            throw new DomainRuleException($"“{Path.GetFileName(fileName)}”不是 ZIP 文件：请选择落实档案导出的年度归档包（.zip）。");
        var id = Guid.NewGuid();
        var folder = Directory.CreateDirectory(Path.Combine(options.StoragePath, "imports")).FullName;
        var file = Path.Combine(folder, id.ToString("N") + ".zip");
        long length;
        await using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                         FileOptions.Asynchronous))
        {
            await content.CopyToAsync(output, cancellation);
            length = output.Length;
        }
        if (length == 0)
        {
            File.Delete(file);
            throw new DomainRuleException("上传的文件是空的：请重新选择归档包。");
        }
        var job = new Job
        {
            Id = id, FileName = Path.GetFileName(fileName), StartedBy = actor.Name, File = file, Length = length,
        };
        _jobs[id] = job;
        audit.Record(actor.Name, "bundle.uploaded", job.FileName, $"{length:N0} 字节，校验中");
        _ = Task.Run(() => Verify(job));
        return job;
    }

    private void Verify(Job job)
    {
        try
        {
            BundleImport.Check(job.File);
            using var zip = ZipFile.OpenRead(job.File);
            var metadata = zip.Entries.Where(e => e.FullName.EndsWith("/" + BundleFiles.TaskMetadata, StringComparison.Ordinal))
                .Select(e => { using var s = e.Open(); return JsonNode.Parse(s)!; }).ToList();
            job.Years = metadata.Select(m => (int)m["year"]!).Distinct().Order().ToList();
            job.YearsPresent = job.Years.Where(y => tasks.List(new TaskFilter { Year = y }).Count > 0).ToList();
            (job.Tasks, job.Files) = (metadata.Count, metadata.Sum(m => m["evidence"]!.AsArray().Count));
            job.State = State.Verified;
        }
        catch (Exception e) when (e is DomainRuleException or InvalidDataException or IOException
                                      or System.Text.Json.JsonException or InvalidOperationException)
        {
            job.Problems = e is DomainRuleException ? [e.Message] : [$"归档包无法读取：{e.Message}"];
            job.State = State.Refused;
            Discard(job);
        }
    }

    /// <summary>Imports a verified bundle whose years the store lacks, in the background, with progress.</summary>
    public Job StartImport(Guid id, Actor actor)
    {
        Access.Demand(actor, Permission.ImportArchive, audit);
        var job = Find(id) ?? throw new DomainRuleException("找不到这次上传的归档包，请重新上传。");
        if (!job.MayImport)
            throw new DomainRuleException(job.YearsPresent.Count > 0
                ? $"数据目录中已有{string.Join("、", job.YearsPresent)}年度的数据，不能再导入该归档包。"
                : "归档包尚未通过校验，不能导入。");
        // One import at a time, however many web nodes share the store.
        const string lease = "bundle-import";
        if (!leases.TryTake(lease, id.ToString(), TimeSpan.FromHours(6)))
            throw new DomainRuleException("另一个归档包正在导入中，请等它完成后再试。");
        job.State = State.Importing;
        _ = Task.Run(async () =>
        {
            try
            {
                var summary = await import.ImportAsync(job.File, actor, progress: new Progress(job));
                job.Message = $"已导入{summary.Year}年度：{summary.Tasks} 项任务，{summary.Evidence} 件材料，{summary.Meetings} 次会议";
                job.State = State.Imported;
            }
            catch (Exception e) when (e is DomainRuleException or IOException or InvalidDataException
                                          or UnauthorizedAccessException)
            {
                (job.Message, job.State) = (e.Message, State.Failed);
            }
            finally
            {
                leases.Release(lease, id.ToString());
                Discard(job);
            }
        });
        return job;
    }

    /// <summary>Deletes the uploaded file of a job not to be imported (or already imported).</summary>
    public void Discard(Guid id, Actor actor)
    {
        Access.Demand(actor, Permission.ImportArchive, audit);
        if (Find(id) is { State: not State.Importing } job) Discard(job);
    }

    private static void Discard(Job job)
    {
        try { File.Delete(job.File); }
        catch (IOException) { } // kept until the next start's clean-up
    }

    private sealed class Progress(Job job) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => (job.Done, job.Total) = value;
    }
}
