namespace LuoshiArchive.Core.Text;

public enum ExtractionProblem
{
    Empty,
    TooLarge,
    Unsupported,
    WrongExtension,
    Corrupt,
    Encrypted,
    ZipBomb,
    TimedOut,
    OutOfMemory,
    /// <summary>Every extraction turn stayed taken longer than the queue waits.</summary>
    Busy,
}
