using LuoshiArchive.Core.Accounts;
using System.Collections.Concurrent;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Annual-bundle exports run as background jobs for the web page: started, polled for progress, then downloaded by
/// job id (never by a path from the request). Finished bundles stay in storage/exports/.
/// </summary>
public sealed class BundleJobs(AnnualBundle bundle, LuoshiOptions options, TimeProvider clock, Audit.AuditLog audit)
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
        _jobs[job.Id] = job;
        var file = Path.Combine(options.StoragePath, "exports", $"{year}年度归档包-{clock.GetLocalNow():yyyyMMdd-HHmmss}.zip");
        _ = Task.Run(() =>
        {
            try
            {
                var summary = bundle.Export(year, file, new Progress(job), actor: actor);
                (job.File, job.Message, job.State) = (summary.File, $"{summary.Tasks} 项任务，{summary.Evidence} 件材料", State.Done);
            }
            catch (Exception e) when (e is DomainRuleException or IOException or UnauthorizedAccessException)
            {
                (job.Message, job.State) = (e.Message, State.Failed);
            }
        });
        return job;
    }

    public Job? Find(Guid id) => _jobs.GetValueOrDefault(id);

    private sealed class Progress(Job job) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => (job.Done, job.Total) = value;
    }
}
