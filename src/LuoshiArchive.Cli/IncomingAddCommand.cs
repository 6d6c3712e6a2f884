using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Incoming;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi incoming add --kind document|instruction|assignment|suggestion|proposal|feedback --from 来文单位 --title T
/// [--number 文号] --received YYYY-MM-DD [--deadline YYYY-MM-DD] [FILE]</c>: prints the new id.
/// </summary>
public sealed class IncomingAddCommand : ICliCommand
{
    public string[] Words => ["incoming", "add"];
    public string[] ValueOptions => ["kind", "from", "title", "number", "received", "deadline"];
    public string[] Flags => [];
    public string Usage => "luoshi incoming add --kind document|instruction|assignment|suggestion|proposal|feedback " +
                           "--from 来文单位 --title T [--number 文号] --received YYYY-MM-DD [--deadline YYYY-MM-DD] [FILE]   登记来文来件";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var kindText = line.Required("kind");
        var kind = ChineseLabels.Parse<IncomingKind>(kindText) ?? throw new UsageException(
            $"未知类别“{kindText}”，应为：document|instruction|assignment|suggestion|proposal|feedback。");
        if (line.Positionals.Count > 1) throw new UsageException("只能给出一个来文文件。");
        var draft = new IncomingDraft
        {
            Kind = kind, From = line.Required("from"), Title = line.Required("title"), Number = line.Value("number") ?? "",
            Received = IncomingDates.Required(line, "received"), Deadline = IncomingDates.Optional(line, "deadline"),
        };
        var path = line.Positionals.FirstOrDefault();
        if (path is not null && !File.Exists(path)) throw new DomainRuleException($"找不到文件“{path}”。");
        await using var file = path is null ? null : File.OpenRead(path);
        var item = await context.Get<IncomingRegister>().RegisterAsync(draft, file, path is null ? null : Path.GetFileName(path),
            Actor.Console());
        context.Out.WriteLine(item.Id);
        context.Error.WriteLine($"已登记来文 {item.Id}：{ChineseLabels.Of(item.Kind)}《{item.Title}》" +
                                (item.Deadline is { } d ? $"，限{d:yyyy-MM-dd}办结" : ""));
        return LuoshiCli.Success;
    }
}
