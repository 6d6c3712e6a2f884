using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Meetings;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi minutes attach FILE --meeting ID --task CODE [--task CODE…]</c>: one file into every task's dossier.</summary>
public sealed class MinutesAttachCommand : ICliCommand
{
    public string[] Words => ["minutes", "attach"];
    public string[] ValueOptions => ["meeting", "task"];
    public string[] Flags => [];
    public string Usage => "luoshi minutes attach FILE --meeting ID --task CODE [--task CODE…]   纪要归入会议涉及的每项任务";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个纪要文件。");
        var meetingId = line.Int("meeting") ?? throw new UsageException("缺少必需的选项 --meeting。");
        var path = line.Positionals[0];
        if (!File.Exists(path)) throw new DomainRuleException($"找不到文件“{path}”。");
        await using var file = File.OpenRead(path);
        var register = context.Get<MeetingRegister>();
        var evidence = await register.AttachMinutesAsync(meetingId, file, Path.GetFileName(path), line.Values("task"), Actor.Console());
        context.Error.WriteLine($"纪要已归档（材料 {evidence.Id}），归入任务：{string.Join("、", register.CodesOf(evidence.Links.Select(l => l.TaskId)))}");
        return LuoshiCli.Success;
    }
}
