using System.Globalization;
using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi tokens add --user NAME [--expires YYYY-MM-DD] [--label 用途]</c>: a personal API token for that account. The
/// secret is printed once on stdout (only its hash is kept); it acts with the account's role and department.
/// </summary>
public sealed class TokensAddCommand : ICliCommand
{
    public string[] Words => ["tokens", "add"];
    public string[] ValueOptions => ["user", "expires", "label"];
    public string[] Flags => [];
    public string Usage => "luoshi tokens add --user NAME [--expires YYYY-MM-DD] [--label 用途]   创建 API 令牌（只显示一次）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var user = line.Required("user");
        DateOnly? expires = null;
        if (line.Value("expires") is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new UsageException($"--expires 应写成 YYYY-MM-DD，而不是“{text}”。");
            expires = day;
        }
        var issued = context.Get<ApiTokens>().Create(user, line.Value("label") ?? "命令行创建", expires, Actor.Console());
        context.Out.WriteLine(issued.Secret);
        context.Error.WriteLine($"已为账户“{user}”创建令牌 {issued.Token.Prefix}…" +
                                (expires is { } e ? $"，有效期至 {e:yyyy-MM-dd}" : "，长期有效") + "。令牌只显示这一次，请妥善保存。");
        return Task.FromResult(LuoshiCli.Success);
    }
}
