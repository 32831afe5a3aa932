using Microsoft.Win32.SafeHandles;

namespace TwinWorld.Replay.Recording;

/// <summary>
/// Forward reads of a file through one large buffer, so that scanning many small records costs few system
/// calls. Reads stay below the length taken at open; a file that shrinks meanwhile is an error.
/// </summary>
internal sealed class SequentialInput(string path, SafeFileHandle file, long length, int bufferLength)
{
    private readonly byte[] _buffer = new byte[bufferLength];
    private long _bufferStart;
    private int _bufferCount;

    public void Read(long offset, Span<byte> destination)
    {
        Fill(offset, destination.Length).CopyTo(destination);
    }

    /// <summary>Continues <paramref name="crc"/> over <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
    public uint Checksum(long offset, int count, uint crc)
    {
        while (count > 0)
        {
            int piece = Math.Min(count, _buffer.Length);
            crc = Crc32C.Append(crc, Fill(offset, piece));
            offset += piece;
            count -= piece;
        }
        return crc;
    }

    /// <summary>
    /// The offset of the first occurrence of <paramref name="value"/> (shorter than the buffer) at or after
    /// <paramref name="offset"/>, or -1. Searches a buffer at a time with the vectorised <c>IndexOf</c>.
    /// </summary>
    public long IndexOf(ReadOnlySpan<byte> value, long offset)
    {
        while (length - offset >= value.Length)
        {
            int window = (int)Math.Min(_buffer.Length, length - offset);
            int found = Fill(offset, window).IndexOf(value);
            if (found >= 0)
            {
                return offset + found;
            }
            // The next window overlaps this one by the value's length less one, so a match across the seam is found.
            offset += window - value.Length + 1;
        }
        return -1;
    }

    /// <summary>The <paramref name="count"/> bytes at <paramref name="offset"/> (count at most the buffer's length).</summary>
    private ReadOnlySpan<byte> Fill(long offset, int count)
    {
        if (offset < _bufferStart || offset + count > _bufferStart + _bufferCount)
        {
            _bufferStart = offset;
            _bufferCount = RecordingReader.ReadUpTo(file, _buffer.AsSpan(0, (int)Math.Min(_buffer.Length, length - offset)), offset);
            if (_bufferCount < count)
            {
                throw new RecordingFormatException(path, $"the recording '{path}' became shorter while it was being read");
            }
        }
        return _buffer.AsSpan((int)(offset - _bufferStart), count);
    }
}
