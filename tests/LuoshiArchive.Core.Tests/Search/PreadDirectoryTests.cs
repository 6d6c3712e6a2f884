using Lucene.Net.Store;
using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Core.Tests.Search;

/// <summary>
/// The index's file reader: clones start with a small buffer and grow it while they read on; whatever the mix of
/// sequential reads, skips ahead and jumps back, every byte read is the file's byte at that place.
/// </summary>
public sealed class PreadDirectoryTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("luoshi-pread-").FullName;

    [Fact]
    public void Clones_read_the_files_bytes_through_sequential_reads_skips_and_jumps()
    {
        var bytes = new byte[300_000];
        new Random(11).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(_folder, "data.bin"), bytes);
        using var directory = new PreadDirectory(_folder);
        using var input = directory.OpenInput("data.bin", IOContext.READ_ONCE);
        var random = new Random(5);
        for (var clone = 0; clone < 20; clone++)
        {
            var reader = (IndexInput)input.Clone();
            var at = random.Next(bytes.Length / 2);
            reader.Seek(at);
            for (var step = 0; step < 400 && at < bytes.Length - 3_000; step++)
            {
                switch (random.Next(4))
                {
                    case 0: // read on, byte by byte
                        for (var i = 0; i < random.Next(1, 300); i++) Assert.Equal(bytes[at++], reader.ReadByte());
                        break;
                    case 1: // read a run, sometimes longer than any buffer
                        var run = new byte[Math.Min(random.Next(1, 20_000), bytes.Length - at)];
                        reader.ReadBytes(run, 0, run.Length);
                        Assert.Equal(bytes.AsSpan(at, run.Length).ToArray(), run);
                        at += run.Length;
                        break;
                    case 2: // skip a little ahead, as the positions of a finished document are
                        reader.Seek(at += random.Next(1, 3_000));
                        break;
                    default: // jump back
                        reader.Seek(at = random.Next(at + 1));
                        break;
                }
                Assert.Equal(at, reader.Position);
            }
        }
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
