using LuoshiArchive.Core.Accounts;
using System.Collections.Concurrent;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Annual-bundle exports run as background jobs for the web page: started, polled for progress, then downloaded by
/// job id (never by a path from the request). The newest finished bundle of each year stays in storage/exports/.
/// </summary>
public sealed class BundleJobs(AnnualBundle bundle, LuoshiOptions options, TimeProvider clock, Audit.AuditLog audit,
    Storage.ILeases leases)
{
    public enum State { Running, Done, Failed }

    public sealed class Job
    {
        public required Guid Id { get; init; }
        public required int Year { get; init; }
        public required string StartedBy { get; init; }
        public State State { get; internal set; }
        public int Done { get; internal set; }
        public int Total { get; internal set; }
        public string Message { get; internal set; } = "";
        public string File { get; internal set; } = "";
    }

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public Job Start(int year, Actor actor)
    {
        Access.Demand(actor, Permission.ExportArchive, audit);
        var job = new Job { Id = Guid.NewGuid(), Year = year, StartedBy = actor.Name };
        // One export of a year at a time, however many web nodes share the store.
        var lease = $"bundle-export:{year}";
        if (!leases.TryTake(lease, job.Id.ToString(), TimeSpan.FromHours(6)))
            throw new DomainRuleException($"{year} 年度归档包正在导出中（可能由另一用户或另一台服务器发起），请等它完成后再试。");
        _jobs[job.Id] = job;
        var file = Path.Combine(options.StoragePath, "exports", $"{year}年度归档包-{clock.GetLocalNow():yyyyMMdd-HHmmss}.zip");
        _ = Task.Run(() =>
        {
            try
            {
                var summary = bundle.Export(year, file, new Progress(job), actor: actor);
                (job.File, job.Message, job.State) = (summary.File, $"{summary.Tasks} 项任务，{summary.Evidence} 件材料", State.Done);
                RemoveEarlier(job);
            }
            catch (Exception e) when (e is DomainRuleException or IOException or UnauthorizedAccessException)
            {
                (job.Message, job.State) = (e.Message, State.Failed);
            }
            finally
            {
                leases.Release(lease, job.Id.ToString());
            }
        });
        return job;
    }

    public Job? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>
    /// One bundle per year is kept: once a new one is written, the earlier ones of that year (from earlier clicks or
    /// earlier runs of the app) are deleted and their jobs forgotten, so repeated clicks do not fill the disk.
    /// </summary>
    private void RemoveEarlier(Job done)
    {
        foreach (var earlier in _jobs.Values.Where(j => j.Year == done.Year && j.Id != done.Id && j.State == State.Done))
            _jobs.TryRemove(earlier.Id, out _);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(done.File)!, $"{done.Year}年度归档包-*.zip"))
            if (file != done.File) File.Delete(file);
    }

    private sealed class Progress(Job job) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => (job.Done, job.Total) = value;
    }
}
