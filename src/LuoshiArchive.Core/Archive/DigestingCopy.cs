using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Copies a stream while digesting the same bytes: on the calling thread when the digests are cheap, else on another
/// thread. There full buffers go to the digester through a queue and come back through a pool of <see cref="Depth"/>,
/// so the copier waits only when the digester is that many buffers behind, not at every buffer (a hand-over per buffer
/// cost a wake-up each time, and more than the digest itself when the two cores were busy with other work).
/// </summary>
internal static class DigestingCopy
{
    // 256 KB buffers stay in the cache between the read, the ZIP's CRC and write, and the digest (with 1 MB buffers
    // a plain copy loop, no digest, took 4.4-5.6 s for 2 GB instead of 3.5 s); 8 of them in flight.
    public const int BufferSize = 256 * 1024;
    private const int Depth = 8;

    /// <summary>Copies <paramref name="from"/> to its end into <paramref name="to"/>; returns the bytes copied.</summary>
    /// <param name="from">Read to its end.</param>
    /// <param name="to">Written, left open.</param>
    /// <param name="digests">Fed every byte in order; the caller finishes them.</param>
    /// <param name="cheap">
    /// The digests cost less than the hand-over to another thread: BLAKE3 alone (~4 GB/s on one core of the bench
    /// machine), which took less CPU time on the copying thread than on the other one, whose queue's waits and
    /// wake-ups cost more than the digest (docs/performance.md, "BLAKE3 at intake").
    /// </param>
    public static long Copy(Stream from, Stream to, IReadOnlyList<HashAlgorithm> digests, bool cheap = false)
    {
        // One buffer or less (metadata, catalogues, small originals): no second thread is worth starting.
        if (cheap || from.CanSeek && from.Length - from.Position <= BufferSize) return CopyInline(from, to, digests);
        using var free = new BlockingCollection<byte[]>();
        using var full = new BlockingCollection<(byte[] Buffer, int Count)>();
        for (var i = 0; i < Depth; i++) free.Add(new byte[BufferSize]);
        var digester = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var (buffer, count) in full.GetConsumingEnumerable())
                {
                    foreach (var digest in digests) digest.TransformBlock(buffer, 0, count, null, 0);
                    free.Add(buffer);
                }
            }
            finally
            {
                free.CompleteAdding(); // a failed digester must not leave the copier waiting for a buffer
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        long total = 0;
        try
        {
            while (free.TryTake(out var buffer, Timeout.Infinite))
            {
                var read = ReadFull(from, buffer);
                if (read == 0) break;
                to.Write(buffer, 0, read);
                total += read;
                full.Add((buffer, read));
            }
        }
        finally
        {
            full.CompleteAdding();
            digester.GetAwaiter().GetResult();
        }
        return total;
    }

    private static long CopyInline(Stream from, Stream to, IReadOnlyList<HashAlgorithm> digests)
    {
        var buffer = new byte[from.CanSeek ? Math.Clamp(from.Length - from.Position, 1, BufferSize) : BufferSize];
        long total = 0;
        int read;
        while ((read = ReadFull(from, buffer)) > 0)
        {
            to.Write(buffer, 0, read);
            foreach (var digest in digests) digest.TransformBlock(buffer, 0, read, null, 0);
            total += read;
        }
        return total;
    }

    private static int ReadFull(Stream content, byte[] buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = content.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        return total;
    }
}
