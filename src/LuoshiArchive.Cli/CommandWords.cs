namespace LuoshiArchive.Cli;

/// <summary>
/// Finds the command in a command line whose options may stand anywhere, as in every common CLI:
/// <c>luoshi --storage DIR init</c> and <c>luoshi init --storage DIR</c> are the same command.
/// </summary>
public static class CommandWords
{
    /// <summary>The options every command takes, with a value: the storage folder and the database.</summary>
    public static readonly string[] GlobalOptions = ["storage", "database"];

    /// <summary>The command whose words are the line's first words (options and their values skipped), and the rest.</summary>
    public static (ICliCommand Command, List<string> Remaining)? Find(IEnumerable<ICliCommand> commands, IReadOnlyList<string> args)
    {
        // Longer commands first ("backup verify" before "backup"); the order among equals is kept.
        foreach (var command in commands.OrderByDescending(c => c.Words.Length))
        {
            var valued = command.ValueOptions.Concat(GlobalOptions).ToHashSet(StringComparer.Ordinal);
            var positions = WordPositions(args, valued).Take(command.Words.Length).ToList();
            if (positions.Count == command.Words.Length && positions.Select(p => args[p]).SequenceEqual(command.Words))
                return (command, args.Where((_, i) => !positions.Contains(i)).ToList());
        }
        return null;
    }

    /// <summary>The words that are not options or the global options' values, for the "unknown command" message.</summary>
    public static IEnumerable<string> Positionals(IReadOnlyList<string> args) =>
        WordPositions(args, GlobalOptions.ToHashSet(StringComparer.Ordinal)).Select(p => args[p]);

    private static IEnumerable<int> WordPositions(IReadOnlyList<string> args, HashSet<string> valued)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg != "--")
            {
                if (!arg.Contains('=', StringComparison.Ordinal) && valued.Contains(arg[2..])) i++;
                continue;
            }
            yield return i;
        }
    }
}
