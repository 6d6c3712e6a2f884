namespace LuoshiArchive.Cli;

/// <summary>A one-line progress bar on stderr, redrawn in place: "[#####.....]  52/100 文件名".</summary>
public sealed class ProgressBar(TextWriter stderr, int total)
{
    private const int Width = 30;

    /// <summary>Progress drawn as a bar on <paramref name="stderr"/>, made at the first report (when the total is known).</summary>
    public static IProgress<(int Done, int Total)> On(TextWriter stderr)
    {
        ProgressBar? bar = null;
        return new ImmediateProgress(p =>
        {
            bar ??= new ProgressBar(stderr, p.Total);
            bar.Report(p.Done);
        });
    }

    public void Report(int done, string label = "")
    {
        var filled = total == 0 ? Width : done * Width / total;
        var name = label.Length > 40 ? "…" + label[^39..] : label;
        stderr.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {done,5}/{total} {name}".PadRight(Width + 60));
        if (done == total) stderr.WriteLine();
    }
}

/// <summary>Progress&lt;T&gt; posts to the thread pool; a command line wants each report drawn on the spot.</summary>
public sealed class ImmediateProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
{
    public void Report((int Done, int Total) value) => report(value);
}
