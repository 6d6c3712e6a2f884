namespace LuoshiArchive.Cli;

/// <summary>
/// A parsed command line: positional words, <c>--name value</c> / <c>--name=value</c> options (repeatable) and flags.
/// Each command states which options it knows; anything else is a usage error (exit code 2).
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    /// <param name="args">The arguments after the command words.</param>
    /// <param name="valueOptions">Options that take a value, without the leading dashes.</param>
    /// <param name="flagOptions">Options that take no value.</param>
    public static CommandLine Parse(IEnumerable<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        var line = new CommandLine();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                line.Positionals.Add(arg);
                continue;
            }
            var name = arg[2..];
            string? inline = null;
            if (name.IndexOf('=') is var eq and > 0) (name, inline) = (name[..eq], name[(eq + 1)..]);
            if (flagOptions.Contains(name))
            {
                if (inline is not null) throw new UsageException($"选项 --{name} 不带值。");
                line._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline ?? (e.MoveNext() ? e.Current : throw new UsageException($"选项 --{name} 缺少值。"));
                if (!line._options.TryGetValue(name, out var values)) line._options[name] = values = [];
                values.Add(value);
            }
            else
            {
                throw new UsageException($"未知选项 --{name}。");
            }
        }
        return line;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string option) => _options.TryGetValue(option, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Values(string option) => _options.TryGetValue(option, out var v) ? v : [];

    public string Required(string option) => Value(option) ?? throw new UsageException($"缺少必需的选项 --{option}。");

    public int? Int(string option)
    {
        var text = Value(option);
        if (text is null) return null;
        return int.TryParse(text, out var n) ? n : throw new UsageException($"--{option} 应为整数，而不是“{text}”。");
    }
}

/// <summary>Wrong usage of a command: printed with the command's usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
