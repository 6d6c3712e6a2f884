using LuoshiArchive.Core;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Cli;

/// <summary>
/// The <c>luoshi</c> command: finds the command, runs it, and turns failures into exit codes: 0 success, 1 a failure
/// the user can fix (the message says how), 2 wrong usage. Human messages go to stderr; data (--json) to stdout.
/// </summary>
public static class LuoshiCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    private static readonly ICliCommand[] Commands =
    [
        new InitCommand(), new UsersAddCommand(), new TasksListCommand(), new TasksAddCommand(), new TasksExportCommand(),
        new TasksImportCommand(), new TasksCompleteCommand(), new TasksProgressCommand(), new TasksPublishCommand(),
        new TasksUnpublishCommand(),
        new IngestCommand(), new SearchCommand(), new ReindexCommand(),
        new MeetingsListCommand(), new MeetingsAddCommand(), new MinutesAttachCommand(), new MeetingsCadenceCommand(),
        new BackupVerifyCommand(), new BackupCommand(), new RestoreCommand(),
        new BundleExportCommand(), new BundleVerifyCommand(), new BundleImportCommand(), new AuditVerifyCommand(),
        new CheckCommand(), new DocRenderCommand(),
        new SupervisionDueCommand(), new TokensAddCommand(), new NotifySendDueCommand(), new NotifyOutboxCommand(),
        new AssessCommand(), new MigrateCommand(),
        new IncomingAddCommand(), new IncomingAssignCommand(), new IncomingListCommand(),
        new IncomingStepCommand("propose"), new IncomingStepCommand("instruct"), new IncomingStepCommand("close"),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin,
        TimeProvider? clock = null, Func<string, string?>? environment = null)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            (args.Length == 0 ? stderr : stdout).Write(Help());
            return args.Length == 0 ? Usage : Success;
        }
        var found = CommandWords.Find(Commands, args);
        if (found is null)
        {
            stderr.WriteLine($"luoshi：未知命令“{string.Join(' ', CommandWords.Positionals(args))}”。");
            stderr.Write(Help());
            return Usage;
        }
        var (command, rest) = found.Value;
        try
        {
            var line = CommandLine.Parse(rest, [.. command.ValueOptions, .. CommandWords.GlobalOptions], command.Flags);
            using var context = new CliContext(stdout, stderr, stdin, line.Value("storage"), clock,
                line.Value("database"), environment);
            return await command.RunAsync(line, context);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"luoshi {string.Join(' ', command.Words)}：{e.Message}");
            stderr.WriteLine("用法：" + command.Usage);
            return Usage;
        }
        catch (Exception e) when (e is DomainRuleException or StorageInUseException or SchemaTooNewException)
        {
            stderr.WriteLine(e.Message);
            return Failure;
        }
        catch (Exception e) when (e.InnerException is StorageInUseException inner)
        {
            stderr.WriteLine(inner.Message);
            return Failure;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"文件读写失败：{e.Message}");
            return Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"没有权限读写：{e.Message}");
            return Failure;
        }
        catch (Exception e)
        {
            // Never a stack trace: the message, and where to look.
            stderr.WriteLine($"luoshi {string.Join(' ', command.Words)} 未能完成：{e.Message}（{e.GetType().Name}）");
            return Failure;
        }
    }

    private static string Help() =>
        "luoshi：落实档案命令行\n\n用法：\n" +
        string.Concat(Commands.Select(c => $"  {c.Usage}\n")) +
        "\n所有命令都接受 --storage DIR（数据目录；默认取环境变量 LUOSHI_STORAGE，否则 ./storage）\n" +
        "和 --database CONN（PostgreSQL 连接串；默认取环境变量 Luoshi__Database，为空则用数据目录中的内置数据库）。\n" +
        "退出码：0 成功；1 可修正的失败（见提示）；2 用法错误。\n";
}

/// <summary>One subcommand: its words ("tasks list"), options, usage line and work.</summary>
public interface ICliCommand
{
    string[] Words { get; }
    string[] ValueOptions { get; }
    string[] Flags { get; }
    string Usage { get; }
    Task<int> RunAsync(CommandLine line, CliContext context);
}
