using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi tasks add --name N [--parent CODE] [--department D] [--deadline YYYY-MM-DD] [--year Y] [--target T]
/// [--standard S]</c>: a new task, or with <c>--parent</c> a child task (细化分解) coded after its parent; prints the code.
/// </summary>
public sealed class TasksAddCommand : ICliCommand
{
    public string[] Words => ["tasks", "add"];
    public string[] ValueOptions => ["name", "parent", "department", "deadline", "year", "target", "standard"];
    public string[] Flags => [];
    public string Usage => "luoshi tasks add --name N [--parent CODE] [--department D] [--deadline YYYY-MM-DD] [--year Y] " +
                           "[--target T] [--standard S]   新增任务或子任务（打印任务编号）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var department = line.Value("department") is { } name
            ? context.Directory.DepartmentNamed(name) ?? throw new DomainRuleException($"处室“{name}”不存在。")
            : null;
        var parent = line.Value("parent") is { } code
            ? context.Tasks.Find(code) ?? throw new DomainRuleException($"上级任务“{code}”不存在。")
            : null;
        if (parent is not null && line.Value("year") is not null)
            throw new UsageException("子任务的年度随上级任务，不能再用 --year 指定。");
        var draft = new TaskDraft
        {
            Year = line.Int("year") ?? parent?.Year ?? context.Tasks.Today.Year, Name = line.Required("name"),
            LeadDepartmentId = department?.Id ?? parent?.LeadDepartmentId,
            Deadline = IncomingDates.Optional(line, "deadline"), Target = line.Value("target") ?? "",
            Standard = line.Value("standard") ?? "",
            ListKind = parent is null ? TaskListKind.Comprehensive : TaskListKind.Department,
            Source = parent?.Source ?? TaskSource.CommissionMeeting, SourceDetail = parent?.SourceDetail ?? "",
            SupervisingLeaderId = parent?.SupervisingLeaderId,
        };
        var task = parent is null
            ? context.Tasks.Create(draft, Actor.Console())
            : context.Tasks.AddChild(parent.Code, draft, Actor.Console());
        context.Out.WriteLine(task.Code);
        context.Error.WriteLine(parent is null ? $"已新增任务 {task.Code}。" : $"已在任务 {parent.Code} 下新增子任务 {task.Code}。");
        return Task.FromResult(LuoshiCli.Success);
    }
}
