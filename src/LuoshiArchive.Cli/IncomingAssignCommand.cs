using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Incoming;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi incoming assign ID --task CODE…</c> (attach to existing tasks) or <c>--new-task --name N --department D
/// --deadline YYYY-MM-DD</c> (prints the new task code).
/// </summary>
public sealed class IncomingAssignCommand : ICliCommand
{
    public string[] Words => ["incoming", "assign"];
    public string[] ValueOptions => ["task", "name", "department", "deadline"];
    public string[] Flags => ["new-task"];
    public string Usage => "luoshi incoming assign ID --task CODE…  |  luoshi incoming assign ID --new-task --name N " +
                           "--department D --deadline YYYY-MM-DD   交办";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var id = IncomingDates.Id(line);
        var register = context.Get<IncomingRegister>();
        if (line.Has("new-task"))
        {
            if (line.Values("task").Count > 0) throw new UsageException("--task 与 --new-task 只能选一个。");
            var name = line.Required("department");
            var department = context.Directory.DepartmentNamed(name) ?? throw new DomainRuleException($"处室“{name}”不存在。");
            var task = register.AssignNewTask(id, line.Required("name"), department.Id,
                IncomingDates.Required(line, "deadline"), Actor.Console());
            context.Out.WriteLine(task.Code);
            context.Error.WriteLine($"来文 {id} 已交办：新建任务 {task.Code}（{department.Name}，{task.Deadline:yyyy-MM-dd}）");
            return Task.FromResult(LuoshiCli.Success);
        }
        // "--task A B C": the codes after the first are positionals after the id.
        var codes = line.Values("task").Concat(line.Positionals.Skip(1)).ToList();
        if (line.Values("task").Count == 0) throw new UsageException("请用 --task CODE… 指定任务，或用 --new-task 新建任务。");
        var item = register.Assign(id, codes, Actor.Console());
        context.Error.WriteLine($"来文 {id} 已交办：{string.Join("、", register.CodesOf(item))}");
        return Task.FromResult(LuoshiCli.Success);
    }
}
