using LuoshiArchive.Core.Audit;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi audit verify</c>: checks the audit trail's hash chain; exit 1 when an entry was edited or deleted.</summary>
public sealed class AuditVerifyCommand : ICliCommand
{
    public string[] Words => ["audit", "verify"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi audit verify                          校验审计记录链（被改动或删除的记录）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var problems = context.Get<AuditLog>().Verify();
        foreach (var problem in problems) context.Out.WriteLine(problem);
        context.Error.WriteLine(problems.Count == 0 ? "审计记录链完整。" : $"发现 {problems.Count} 处问题。");
        return Task.FromResult(problems.Count == 0 ? LuoshiCli.Success : LuoshiCli.Failure);
    }
}
