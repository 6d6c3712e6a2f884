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
}
