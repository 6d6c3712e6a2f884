using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// Lucene's NIOFSDirectory, reading with positioned reads on one shared file handle and 16 KB buffers. The stock input
/// reads 1 KB at a time through a FileStream, which asks the kernel for the file's length (fstat) before every read:
/// two system calls per kilobyte were 40 % of a broad search's time (perf, `bench --search-only`). MMapDirectory is
/// not an option in this Lucene.Net version (it can crash under concurrent search, apache/lucenenet#1013).
/// A search clones an input for every term's postings in every segment (~700 clones for one phrase over 12 segments),
/// and most read a few hundred bytes: a clone starts with a small buffer and grows it while it reads on in sequence.
/// </summary>
internal sealed class PreadDirectory(string path) : NIOFSDirectory(path)
{
    private const int ReadBufferSize = 16 * 1024;
    private const int CloneBufferSize = 1024;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var handle = OpenHandle(name);
        return new PreadInput($"PreadInput({name})", handle, 0, RandomAccess.GetLength(handle), ownsHandle: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(name, OpenHandle(name));
    }

    private SafeFileHandle OpenHandle(string name) => File.OpenHandle(System.IO.Path.Combine(Directory.FullName, name),
        FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    /// <summary>Slices of one compound file, all reading through the slicer's handle.</summary>
    private sealed class Slicer(string name, SafeFileHandle handle) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PreadInput($"PreadInput({sliceDescription} in {name})", handle, offset, length, ownsHandle: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing) handle.Dispose();
        }
    }

    /// <summary>A window [offset, offset + length) of a file; clones share the handle and never close it.</summary>
    private sealed class PreadInput(string description, SafeFileHandle handle, long offset, long length, bool ownsHandle)
        : BufferedIndexInput(description, ReadBufferSize)
    {
        private bool _ownsHandle = ownsHandle;

        public override long Length => length;

        protected override void ReadInternal(byte[] b, int start, int count)
        {
            var from = Position;
            var position = from;
            if (position + count > length) throw new EndOfStreamException($"read past EOF: {this}");
            var span = b.AsSpan(start, count);
            while (span.Length > 0)
            {
                var read = RandomAccess.Read(handle, span, offset + position);
                if (read <= 0) throw new EndOfStreamException($"read past EOF: {this}");
                position += read;
                span = span[read..];
            }
            if (!ReferenceEquals(b, m_buffer)) return;
            // A full refill at or a little past where the last one ended: reading on in sequence (a postings list,
            // skipping the positions of a document it is done with).
            var onward = from >= _refilledUpTo && from - _refilledUpTo <= ReadBufferSize;
            if (onward && count == BufferSize && BufferSize < ReadBufferSize) Grow(count);
            _refilledUpTo = position;
        }

        private long _refilledUpTo = long.MaxValue;

        /// <summary>
        /// Called by a refill that reads on from the last one: the next refill reads twice as much. BufferedIndexInput
        /// refills only a spent buffer, so SetBufferSize has nothing to carry over and installs an empty buffer; the
        /// bytes just read are copied into it, where the refill that called us expects them.
        /// </summary>
        private void Grow(int count)
        {
            var filled = m_buffer;
            SetBufferSize(Math.Min(ReadBufferSize, BufferSize * 2));
            filled.AsSpan(0, count).CopyTo(m_buffer);
        }

        protected override void SeekInternal(long pos)
        {
        }

        public override object Clone()
        {
            var clone = (PreadInput)base.Clone();
            clone._ownsHandle = false;
            clone._refilledUpTo = long.MaxValue;
            clone.SetBufferSize(CloneBufferSize); // no buffer yet (BufferedIndexInput.Clone): only the size is set
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _ownsHandle) handle.Dispose();
        }
    }
}
