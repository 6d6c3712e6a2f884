using LuoshiArchive.Core.Audit;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi audit verify</c>: checks the audit trail's hash chain; exit 1 when an entry was edited or deleted.</summary>
public sealed class AuditVerifyCommand : ICliCommand
{
    public string[] Words => ["audit", "verify"];
    public string[] ValueOptions => ["against"];
    public string[] Flags => [];
    public string Usage =>
        "luoshi audit verify [--against BUNDLE_OR_BACKUP]  校验审计记录链；--against 对照备份或归档包中记下的链头（截短、整链重算）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var log = context.Get<AuditLog>();
        IReadOnlyList<string> problems;
        if (line.Value("against") is { } against)
        {
            if (!File.Exists(against)) throw new Core.DomainRuleException($"找不到文件“{against}”。");
            var head = ReadHead(against) ?? throw new Core.DomainRuleException(
                $"“{against}”中没有审计链头（{AuditHead.FileName}）：它不是本版本生成的备份或归档包。");
            problems = log.VerifyAgainst(head, Path.GetFileName(against));
        }
        else problems = log.Verify();
        foreach (var problem in problems) context.Out.WriteLine(problem);
        if (!log.Key.Present && problems.Count == 0)
            context.Error.WriteLine($"注意：审计密钥文件 {log.Key.Path} 不存在（本库建立时尚无密钥），记录链只按 SHA-256 校验：" +
                "能发现改动或删除中间的记录，不能发现整链重算。");
        context.Error.WriteLine(problems.Count == 0 ? "审计记录链完整。" : $"发现 {problems.Count} 处问题。");
        return Task.FromResult(problems.Count == 0 ? LuoshiCli.Success : LuoshiCli.Failure);
    }

    private static AuditHead? ReadHead(string file)
    {
        try
        {
            return AuditHead.ReadFrom(file);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            throw new Core.DomainRuleException($"“{file}”不是有效的备份或归档包：{e.Message}");
        }
    }
}
