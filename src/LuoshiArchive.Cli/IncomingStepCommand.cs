using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Incoming;

namespace LuoshiArchive.Cli;

/// <summary>
/// The steps between registering and assigning, and the closing one, for a workflow run from the shell:
/// <c>luoshi incoming propose ID --text 拟办意见</c>, <c>luoshi incoming instruct ID --leader 姓名 --date YYYY-MM-DD
/// --text 批示</c> (a paper 批示 typed in), <c>luoshi incoming close ID --result 办理结果 [--replied YYYY-MM-DD REPLY_FILE]</c>.
/// </summary>
public sealed class IncomingStepCommand(string step) : ICliCommand
{
    public string[] Words => ["incoming", step];
    public string[] ValueOptions => ["text", "leader", "date", "result", "replied"];
    public string[] Flags => [];
    public string Usage => step switch
    {
        "propose" => "luoshi incoming propose ID --text 拟办意见",
        "instruct" => "luoshi incoming instruct ID --leader 委领导 --date YYYY-MM-DD --text 批示内容",
        _ => "luoshi incoming close ID --result 办理结果 [--replied YYYY-MM-DD 答复件]",
    };

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var id = IncomingDates.Id(line);
        var register = context.Get<IncomingRegister>();
        var actor = Actor.Console();
        switch (step)
        {
            case "propose":
                register.Propose(id, line.Required("text"), actor);
                break;
            case "instruct":
                register.Instruct(id, line.Required("leader"), IncomingDates.Required(line, "date"), line.Required("text"), actor);
                break;
            default:
                var path = line.Positionals.Skip(1).FirstOrDefault();
                if (path is not null && !File.Exists(path)) throw new DomainRuleException($"找不到文件“{path}”。");
                await using (var reply = path is null ? null : File.OpenRead(path))
                    await register.CloseAsync(id, line.Required("result"), reply, path is null ? null : Path.GetFileName(path),
                        IncomingDates.Optional(line, "replied"), actor);
                break;
        }
        var item = register.Find(id)!;
        context.Error.WriteLine($"来文 {id}：{ChineseLabels.Of(item.StateOn(register.Today))}");
        return LuoshiCli.Success;
    }
}
