using LuoshiArchive.Core.Accounts;
using System.Globalization;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi ingest PATH… --task CODE [--kind K] [--title T] [--number 文号] [--date YYYY-MM-DD] [--author 责任者]</c>:
/// files and folders (recursively) into the dossiers, in batches (<see cref="FolderIntake"/>): each batch is confirmed
/// (one store transaction) and said so on stderr, every file gets its own verdict, exit 1 if any failed.
/// </summary>
public sealed class IngestCommand : ICliCommand
{
    private static readonly Dictionary<string, EvidenceKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["policy"] = EvidenceKind.Policy, ["outgoing"] = EvidenceKind.OutgoingDocument, ["minutes"] = EvidenceKind.Minutes,
        ["process"] = EvidenceKind.ProcessRecord, ["instruction"] = EvidenceKind.Instruction, ["report"] = EvidenceKind.Report,
        ["other"] = EvidenceKind.Other,
    };

    public string[] Words => ["ingest"];
    public string[] ValueOptions => ["task", "kind", "title", "number", "date", "author"];
    public string[] Flags => [];
    public string Usage => "luoshi ingest PATH… --task CODE [--kind policy|outgoing|minutes|process|instruction|report|other] [--title T] [--number 文号] [--date YYYY-MM-DD] [--author 责任者]";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count == 0) throw new UsageException("请给出至少一个文件或文件夹。");
        var tasks = line.Values("task");
        if (tasks.Count == 0) throw new UsageException("缺少必需的选项 --task。");
        var details = Details(line);
        var files = Expand(line.Positionals, context.Error);
        if (files.Count > 1 && (details.Title is not null || details.Number is not null))
            throw new UsageException("--title 和 --number 只能用于单个文件。");

        var progress = new ProgressBar(context.Error, files.Count);
        progress.Report(0, Path.GetFileName(files[0]));
        var failures = new SortedList<int, string>();
        var (added, linked, done) = (0, 0, 0);
        await context.Get<FolderIntake>().RunAsync(files, tasks, details, Actor.Console(), batch =>
        {
            var intake = batch.Intake;
            (added, linked, done) = (added + intake.Added, linked + intake.Linked, done + intake.Files.Count);
            for (var i = 0; i < intake.Files.Count; i++)
                if (intake.Files[i].Error is { } error)
                    failures.Add(batch.First + i, $"{batch.Paths[i]}：{error.Message}");
            // Confirmed: the batch's transaction has committed; these files survive a crash from here on.
            context.Error.WriteLine(("\r" + Confirmed(batch)).PadRight(90));
            progress.Report(done, Path.GetFileName(batch.Paths[^1]));
        });
        context.Error.WriteLine($"新增 {added} 件，已有并归入 {linked} 件，失败 {failures.Count} 件。");
        foreach (var failure in failures.Values) context.Error.WriteLine("  失败：" + failure);
        return failures.Count == 0 ? LuoshiCli.Success : LuoshiCli.Failure;
    }

    /// <summary>"已确认 第 3 批 49 个文件（第 101–150 个：新增 48 件，已有并归入 1 件，失败 1 件）".</summary>
    private static string Confirmed(FolderIntake.Batch batch)
    {
        var intake = batch.Intake;
        var failed = intake.Failed > 0 ? $"，失败 {intake.Failed} 件" : "";
        return $"已确认 第 {batch.Number} 批 {intake.Added + intake.Linked} 个文件（第 {batch.First + 1}–" +
            $"{batch.First + batch.Paths.Count} 个：新增 {intake.Added} 件，已有并归入 {intake.Linked} 件{failed}）";
    }

    private static EvidenceDetails Details(CommandLine line)
    {
        var kindText = line.Value("kind");
        EvidenceKind? kind = kindText is null ? null
            : Kinds.TryGetValue(kindText, out var k) ? k
            : throw new UsageException($"未知材料类别“{kindText}”，应为 {string.Join("|", Kinds.Keys)}。");
        var dateText = line.Value("date");
        DateOnly? date = dateText is null ? null
            : DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new UsageException($"--date 应写成 YYYY-MM-DD，而不是“{dateText}”。");
        return new EvidenceDetails { Kind = kind, Title = line.Value("title"), Number = line.Value("number"), Date = date, Author = line.Value("author") };
    }

    private static List<string> Expand(IEnumerable<string> paths, TextWriter stderr)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path)) files.Add(path);
            else throw new DomainRuleException($"找不到“{path}”。");
        }
        return files;
    }
}
