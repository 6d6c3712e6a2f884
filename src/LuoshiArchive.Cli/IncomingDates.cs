using System.Globalization;

namespace LuoshiArchive.Cli;

/// <summary>Dates on the <c>luoshi incoming</c> command lines: YYYY-MM-DD or a usage error naming the option.</summary>
internal static class IncomingDates
{
    public static DateOnly? Optional(CommandLine line, string option) =>
        line.Value(option) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UsageException($"--{option} 应写成 YYYY-MM-DD，而不是“{text}”。");

    public static DateOnly Required(CommandLine line, string option) =>
        Optional(line, option) ?? throw new UsageException($"缺少必需的选项 --{option}。");

    public static int Id(CommandLine line) =>
        line.Positionals.Count > 0 && int.TryParse(line.Positionals[0], out var id) ? id
        : throw new UsageException("请给出来文的编号（luoshi incoming list 列出的 id）。");
}
