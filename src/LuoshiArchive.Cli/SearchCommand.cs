using System.Text.Json;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi search QUERY [--year Y] [--task CODE] [--kind K] [--department D] [--top N] [--json]</c>. JSON contract:
/// <c>{"total":N,"hits":[{"evidenceId","title","number","date","kind","tasks":[…],"score","snippet"}]}</c>.
/// </summary>
public sealed class SearchCommand : ICliCommand
{
    public string[] Words => ["search"];
    public string[] ValueOptions => ["year", "task", "kind", "department", "top"];
    public string[] Flags => ["json"];
    public string Usage => "luoshi search QUERY [--year Y] [--task CODE] [--kind K] [--department D] [--top N] [--json]";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count == 0) throw new UsageException("请给出检索词。");
        EvidenceIndex.WarmUp(); // SmartCn's dictionaries load on the other core while the store opens
        var top = line.Int("top") ?? 20;
        if (top is < 1 or > 1000) throw new UsageException("--top 应在 1 到 1000 之间。");
        var dossiers = context.Get<DossierService>();
        // What changed since the index's last commit (other processes, or a crash): nothing to read when unchanged.
        dossiers.BringIndexUpToDate();
        var result = dossiers.Search(new SearchQuery(string.Join(' ', line.Positionals))
        {
            Year = line.Int("year"), TaskCode = line.Value("task"), Kind = KindName(line.Value("kind")),
            Department = line.Value("department"), PageSize = top,
        });
        if (line.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                total = result.Total,
                hits = result.Hits.Select(h => new
                {
                    evidenceId = h.EvidenceId, title = h.Title, number = h.Number, date = h.Date?.ToString("yyyy-MM-dd"),
                    kind = h.Kind, tasks = h.TaskCodes, score = Math.Round(h.Score, 4), snippet = Plain(h.Snippets.FirstOrDefault() ?? ""),
                }),
            }, TasksListCommand.Json));
            return Task.FromResult(LuoshiCli.Success);
        }
        foreach (var h in result.Hits)
        {
            context.Out.WriteLine($"[{h.EvidenceId}] {h.Title}  {h.Number}  {h.Date:yyyy-MM-dd}  {string.Join(",", h.TaskCodes)}{(h.MatchesAllTerms ? "" : "  （部分匹配）")}");
            foreach (var snippet in h.Snippets) context.Out.WriteLine("    " + snippet.Replace('\u0001', '【').Replace('\u0002', '】'));
        }
        context.Error.WriteLine($"共找到 {result.Total} 件，显示前 {result.Hits.Count} 件。");
        return Task.FromResult(LuoshiCli.Success);
    }

    /// <summary>The kinds as ingest names them (minutes, outgoing…) or as the enum does (Minutes, OutgoingDocument).</summary>
    private static string? KindName(string? kind) => kind?.ToLowerInvariant() switch
    {
        null => null, "policy" => "Policy", "outgoing" => "OutgoingDocument", "minutes" => "Minutes", "process" => "ProcessRecord",
        "instruction" => "Instruction", "report" => "Report", "other" => "Other",
        _ => Enum.TryParse<EvidenceKind>(kind, true, out var k) ? k.ToString() : throw new UsageException($"未知材料类别“{kind}”。"),
    };

    private static string Plain(string snippet) => snippet.Replace("\u0001", "").Replace("\u0002", "");
}
