using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi tasks complete CODE --confirmed-by 姓名 --confirmed-on YYYY-MM-DD (--evidence ID… | --evidence-to-follow)</c>:
/// 办结 under its rules (evidence of the result or 佐证材料后补, and the lead department head's confirmation).
/// </summary>
public sealed class TasksCompleteCommand : ICliCommand
{
    public string[] Words => ["tasks", "complete"];
    public string[] ValueOptions => ["confirmed-by", "confirmed-on", "evidence"];
    public string[] Flags => ["evidence-to-follow"];
    public string Usage => "luoshi tasks complete CODE --confirmed-by 牵头处室主要负责人 --confirmed-on YYYY-MM-DD " +
                           "(--evidence ID… | --evidence-to-follow)   办结";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个任务编号。");
        var evidence = line.Values("evidence").Select(v => int.TryParse(v, out var id) ? id
            : throw new UsageException($"--evidence 应为材料编号，而不是“{v}”。")).ToList();
        var task = context.Tasks.Complete(line.Positionals[0], new TaskClosure
        {
            EvidenceIds = evidence, EvidenceToFollow = line.Has("evidence-to-follow"),
            ConfirmedBy = line.Required("confirmed-by"), ConfirmedOn = IncomingDates.Required(line, "confirmed-on"),
        }, Actor.Console());
        context.Error.WriteLine($"任务 {task.Code} 已办结：{task.Closure!.Describe()}");
        return Task.FromResult(LuoshiCli.Success);
    }
}
