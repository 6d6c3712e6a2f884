using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi users add --name NAME --role ROLE</c>, the password read from the first line of stdin; a leader account
/// is linked to its 分管委领导 with <c>--person 姓名</c>.
/// </summary>
public sealed class UsersAddCommand : ICliCommand
{
    private static readonly Dictionary<string, UserRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["admin"] = UserRole.Admin, ["office"] = UserRole.OfficeSupervisor, ["department"] = UserRole.DepartmentUser,
        ["leader"] = UserRole.Leader, ["inspector"] = UserRole.Inspector,
    };

    public string[] Words => ["users", "add"];
    public string[] ValueOptions => ["name", "role", "display-name", "department", "email", "person"];
    public string[] Flags => [];
    public string Usage => "luoshi users add --name NAME --role admin|office|department|leader|inspector " +
        "[--display-name 姓名] [--department 处室名称或机构代码] [--email 邮箱] [--person 分管委领导姓名]  " +
        "（密码从标准输入读取；处室用户须给出 --department；委领导账户用 --person 关联本人）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var name = line.Required("name");
        var roleText = line.Required("role");
        var role = Roles.TryGetValue(roleText, out var r) ? r
            : Enum.TryParse<UserRole>(roleText, ignoreCase: true, out var parsed) ? parsed
            : throw new UsageException($"未知角色“{roleText}”，应为 admin、office、department、leader 或 inspector。");
        int? departmentId = null;
        if (line.Value("department") is { } departmentText)
        {
            var department = context.Directory.DepartmentNamed(departmentText)
                ?? context.Directory.Departments().FirstOrDefault(d => string.Equals(d.Code, departmentText.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new Core.DomainRuleException($"处室“{departmentText}”不存在：请先在“机构人员”中添加，或给出已有处室的名称或机构代码。");
            departmentId = department.Id;
        }
        int? personId = null;
        if (line.Value("person") is { } personText)
            personId = context.Directory.PersonNamed(personText) is { Role: Core.Organisation.PersonRole.SupervisingLeader } p
                ? p.Id
                : throw new Core.DomainRuleException($"分管委领导“{personText.Trim()}”不存在：请先在“机构人员”中添加，" +
                    "或给出已有分管委领导的姓名。");
        if (role == UserRole.DepartmentUser && departmentId is null)
            throw new UsageException("处室用户须用 --department 给出所在处室（名称或机构代码）。");
        var password = ReadPassword(context);
        var account = context.Accounts.Create(name, line.Value("display-name") ?? "", password, role, departmentId,
            Actor.Console(), email: line.Value("email") ?? "", personId: personId);
        context.Error.WriteLine($"已创建账户“{account.Name}”（{Core.ChineseLabels.Of(account.Role)}）。");
        return Task.FromResult(LuoshiCli.Success);
    }

    /// <summary>From a terminal: typed without echo. From a pipe or a test: the first line.</summary>
    private static string ReadPassword(CliContext context)
    {
        if (!ReferenceEquals(context.In, Console.In) || Console.IsInputRedirected) return context.In.ReadLine() ?? "";
        context.Error.Write("请输入密码（不回显）：");
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        context.Error.WriteLine();
        return typed.ToString();
    }
}
