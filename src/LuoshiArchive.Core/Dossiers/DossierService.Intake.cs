using System.Runtime.ExceptionServices;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>Intake: files into the dossiers, a batch at a time (a single upload is a batch of one).</summary>
public sealed partial class DossierService
{
    /// <summary>
    /// Adds several files to the dossiers of <paramref name="taskCodes"/> as one batch, with the durable steps done
    /// once for all of them: staged and hashed, read by one worker in one request, made durable in one pass of
    /// fsyncs, moved into the blob store, stored in ONE store transaction with their audit entries, then indexed.
    /// When this returns, the batch is confirmed (that transaction committed). A file that cannot be stored (empty,
    /// too large, corrupt, encrypted…) gets its own Chinese message and does not stop the others; the same content
    /// twice, in the batch or already in the store, is linked, not stored again. A text longer than
    /// <see cref="LongTextLength"/> is stored in a transaction of its own after the others.
    /// </summary>
    public Task<BatchIntake> AddBatchAsync(IReadOnlyList<IntakeFile> files, IReadOnlyList<string> taskCodes,
        EvidenceDetails? details, Actor actor, CancellationToken cancellationToken = default)
    {
        var taskList = ResolveTasks(taskCodes);
        foreach (var task in taskList) Access.Demand(actor, Permission.FileEvidence, _audit, task);
        return IntakeAsync(files, taskList, details, actor, cancellationToken);
    }

    /// <summary>
    /// Refuses, before any file is read, what would refuse every file of a batch: a task code that does not exist, or
    /// no right to file into one of the tasks (<see cref="FolderIntake"/> asks once, not once per batch).
    /// </summary>
    public void CheckCanFile(IReadOnlyList<string> taskCodes, Actor actor)
    {
        foreach (var task in ResolveTasks(taskCodes)) Access.Demand(actor, Permission.FileEvidence, _audit, task);
    }

    private async Task<IntakeResult> IntakeOneAsync(Stream content, string originalFileName, List<KeyTask> taskList,
        EvidenceDetails? details, Actor actor, CancellationToken cancellationToken)
    {
        var file = (await IntakeAsync([new IntakeFile(originalFileName, () => content) { LeaveOpen = true }], taskList,
            details, actor, cancellationToken)).Files[0];
        if (file.Error is { } error) ExceptionDispatchInfo.Throw(error);
        return file.Result!;
    }

    private async Task<BatchIntake> IntakeAsync(IReadOnlyList<IntakeFile> files, List<KeyTask> taskList,
        EvidenceDetails? details, Actor actor, CancellationToken cancellationToken)
    {
        CheckKind(details?.Kind);
        var items = files.Select(f => new PendingFile(f)).ToList();
        try
        {
            foreach (var item in items) item.Try(() => Stage(item));
            var firsts = FirstOfEachContent(items);
            // Content the store has is linked, not read again (checked once more in the transaction).
            var toRead = firsts.Where(i => store.Evidence.FindOne(e => e.Sha256 == i.Staged!.Sha256) is null).ToList();
            var known = firsts.Except(toRead).ToList();
            if (toRead.Count == 0) Store(known, taskList, details, actor);
            else await ReadAndStoreAsync(toRead, known, taskList, details, actor, cancellationToken);
            foreach (var item in items.Where(i => i.SameAs is not null)) item.CopyOutcome(item.SameAs!);
            return new BatchIntake(items.Select(i => new FileIntake(i.FileName, i.Result, i.Error)).ToList());
        }
        finally
        {
            foreach (var item in items) item.Dispose();
        }
    }

    private void Stage(PendingFile item)
    {
        item.FileName = SafeFileName(item.File.FileName);
        var content = item.File.Open();
        try
        {
            item.Staged = blobs.Stage(content, options.MaxUploadBytes, flush: false);
        }
        finally
        {
            if (!item.File.LeaveOpen) content.Dispose();
        }
        if (item.Staged.Length == 0)
            throw new ExtractionException(ExtractionProblem.Empty, $"“{item.FileName}”是空文件（0 字节），未保存。请检查原文件后重新上传。");
    }

    /// <summary>
    /// The first file of each content in the batch; a later file with the same content shares its outcome.
    /// </summary>
    private static List<PendingFile> FirstOfEachContent(List<PendingFile> items)
    {
        var firsts = new Dictionary<string, PendingFile>();
        foreach (var item in items.Where(i => i.Staged is not null))
        {
            if (firsts.TryGetValue(item.Staged!.Sha256, out var first)) item.SameAs = first;
            else firsts[item.Staged.Sha256] = item;
        }
        return [.. firsts.Values];
    }

    private async Task ReadAndStoreAsync(List<PendingFile> toRead, List<PendingFile> known, List<KeyTask> taskList,
        EvidenceDetails? details, Actor actor, CancellationToken cancellationToken)
    {
        // One turn from reading to indexing: the batch's texts cost memory here until they are indexed.
        using var turn = await extractor.TurnAsync(toRead[0].FileName, cancellationToken);
        var outcomes = await extractor.ExtractBatchAsync(toRead.Select(i => (i.Staged!.Path, i.FileName)).ToList(),
            cancellationToken);
        foreach (var (item, outcome) in toRead.Zip(outcomes)) (item.Read, item.Error) = (outcome.Read, outcome.Problem);
        var read = toRead.Where(i => i.Read is not null).ToList();
        blobs.MakeDurable(read.SelectMany(i => new[] { i.Staged!.Path, i.Read!.TextFile }));

        var longTexts = read.Where(i => i.Read!.TextBytes > LongTextLength).ToList();
        var rest = read.Except(longTexts).ToList();
        foreach (var item in rest) item.Text = item.Read!.ReadText().Text;
        Store([.. known, .. rest], taskList, details, actor);
        turn.Dispose(); // let the next batch be read while a long text waits for its turn to be indexed
        foreach (var item in longTexts)
        {
            await _longText.WaitAsync(cancellationToken);
            try
            {
                item.Text = item.Read!.ReadText().Text;
                Store([item], taskList, details, actor);
            }
            finally
            {
                _longText.Release();
            }
        }
    }

    /// <summary>
    /// Stores a group in one transaction (the new evidence, the links of content already stored, their audit entries),
    /// then indexes it: once the transaction has committed, the group is confirmed; the index may lag behind a crash
    /// and is caught up with at the next start.
    /// </summary>
    private void Store(List<PendingFile> group, List<KeyTask> taskList, EvidenceDetails? details, Actor actor)
    {
        if (group.Count == 0) return;
        var relinked = new List<Evidence>();
        var results = new List<(PendingFile Item, IntakeResult Result)>();
        lock (_write)
        {
            store.InTransaction(() =>
            {
                foreach (var item in group)
                {
                    // Another request, or an earlier batch, may have stored the same content meanwhile.
                    if (LinkExisting(item.Staged!.Sha256, taskList, details, actor, relinked) is { } linked)
                    {
                        results.Add((item, linked));
                        continue;
                    }
                    var read = item.Read ?? throw new InvalidOperationException("content vanished from the store");
                    blobs.CommitWithTextFile(item.Staged, read.TextFile);
                    var evidence = NewEvidence(item.FileName, item.Staged, read, item.Text!, taskList, details, actor);
                    Save(evidence, isNew: true);
                    _audit.Record(actor.Name, "evidence.added", $"材料 {evidence.Id}",
                        $"{evidence.Title}（{evidence.OriginalFileName}，SHA-256 {evidence.Sha256[..16]}…）" +
                        (taskList.Count > 0 ? $"归入 {string.Join("、", taskList.Select(t => t.Code))}" : "登记为来文"));
                    var codes = taskList.Select(t => t.Code).ToList();
                    results.Add((item, new IntakeResult(evidence, AlreadyStored: false, codes)));
                }
            });
        }
        foreach (var (item, result) in results) item.Result = result;
        foreach (var evidence in relinked) indexing.Reindex(evidence, blobs.ReadText(evidence.Sha256));
        // Analysis (SmartCn) is the costliest step of all: on two threads, as bare indexing is measured.
        var added = results.Where(r => !r.Result.AlreadyStored).Select(r => (r.Result.Evidence, r.Item.Text!)).ToList();
        indexing.IndexBatch(added, taskList);
        foreach (var (item, _) in results) item.Text = null;
    }

    private Evidence NewEvidence(string fileName, BlobStore.Staged staged, ExtractedFile read, string text,
        List<KeyTask> taskList, EvidenceDetails? details, Actor actor)
    {
        var proposed = MetadataProposer.Propose(text, fileName);
        return new Evidence
        {
            Sha256 = staged.Sha256, Sha512 = staged.Sha512, Blake3 = staged.Blake3, Length = staged.Length,
            OriginalFileName = fileName,
            Format = read.Format.ToString(), Kind = details?.Kind ?? EvidenceKind.Other,
            Title = Pick(details?.Title, proposed.Title, Path.GetFileNameWithoutExtension(fileName)),
            Number = DocumentNumbers.Normalise(Pick(details?.Number, proposed.DocumentNumber, "")) ?? "",
            Date = details?.Date ?? proposed.Date, Author = Pick(details?.Author, proposed.IssuingBody, ""),
            PageCount = read.PageCount ?? details?.PageCount, RenditionOf = details?.RenditionOf,
            NoTextRead = read.NoTextRead, ExtractionNote = read.Note ?? "",
            TextLength = text.Length, AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = actor.Name,
            AddedByAccount = actor.Account,
            Links = taskList.Select(t => Link(t.Id, actor)).ToList(),
        };
    }

    /// <summary>
    /// Links content the store already has into the tasks (in the caller's transaction); null when it has none.
    /// Evidence whose links changed is added to <paramref name="relinked"/>, to be re-indexed after the commit.
    /// </summary>
    private IntakeResult? LinkExisting(string sha256, IReadOnlyList<KeyTask> taskList, EvidenceDetails? details,
        Actor actor, List<Evidence> relinked)
    {
        var existing = store.Evidence.FindOne(e => e.Sha256 == sha256);
        if (existing is null) return null;
        var newTasks = taskList.Where(t => !existing.IsFiledIn(t.Id)).ToList();
        var cameBack = existing.Removal is not null;
        // Filing the same file again is a new, deliberate act: the removed evidence comes back (and is audited so).
        existing.Removal = null;
        existing.Links.AddRange(newTasks.Select(t => Link(t.Id, actor)));
        if (details?.Kind is { } kind && existing.Kind == EvidenceKind.Other) existing.Kind = kind;
        if (newTasks.Count > 0 || details?.Kind is not null || cameBack)
        {
            Save(existing);
            relinked.Add(existing);
            _audit.Record(actor.Name, cameBack ? "evidence.restored" : "evidence.filed", $"材料 {existing.Id}",
                $"相同文件再次上传{(cameBack ? "（此前已删除，现恢复）" : "")}，归入 {string.Join("、", newTasks.Select(t => t.Code))}");
        }
        return new IntakeResult(existing, AlreadyStored: true, newTasks.Select(t => t.Code).ToList());
    }
}
