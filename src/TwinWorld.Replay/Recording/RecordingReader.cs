using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace TwinWorld.Replay.Recording;

/// <summary>
/// Reads a recording file (layout in <see cref="RecordingFormat"/>). <see cref="Open"/> checks every record's
/// checksum and indexes the records without keeping their payloads; <see cref="ReadPayload(int)"/> reads one when
/// asked. A damaged or cut-off end of the file does not throw: the scan stops at the first record it cannot use,
/// every record before it is available, and <see cref="Tail"/> says what was ignored and why. Payloads may be read
/// from several threads at once.
/// </summary>
public sealed class RecordingReader : IDisposable
{
    private const int ScanBufferLength = 1 << 20;

    private readonly SafeFileHandle _file;
    private readonly RecordEntry[] _records;
    private readonly IReadOnlyList<RecordEntry> _readOnlyRecords;
    private readonly uint[] _checksums;

    private RecordingReader(string path, SafeFileHandle file, long length, RecordEntry[] records, uint[] checksums, RecordingTail? tail)
    {
        Path = path;
        _file = file;
        Length = length;
        _records = records;
        _readOnlyRecords = Array.AsReadOnly(records);
        _checksums = checksums;
        Tail = tail;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The file's length when it was opened; bytes a writer adds later are not seen by this reader.</summary>
    public long Length { get; }

    /// <summary>Every intact record, in file order.</summary>
    public IReadOnlyList<RecordEntry> Records => _readOnlyRecords;

    /// <summary>What was ignored at the end of the file and why, or null when the file ends just after a whole record.</summary>
    public RecordingTail? Tail { get; }

    /// <summary>
    /// Opens and scans a recording. Throws <see cref="RecordingFormatException"/> when the file is not a recording
    /// of this format version; reports a damaged end through <see cref="Tail"/> instead.
    /// </summary>
    public static RecordingReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = System.IO.Path.GetFullPath(path);
        // Shares writing: a recording can be read while its writer is still appending to it.
        var file = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.RandomAccess);
        try
        {
            long length = RandomAccess.GetLength(file);
            CheckFileHeader(fullPath, file, length);
            var (records, checksums, tail) = Scan(fullPath, file, length);
            return new RecordingReader(fullPath, file, length, records, checksums, tail);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>A copy of record <paramref name="index"/>'s payload.</summary>
    public byte[] ReadPayload(int index)
    {
        var payload = new byte[Entry(index).PayloadLength];
        ReadPayload(index, payload);
        return payload;
    }

    /// <summary>
    /// Reads record <paramref name="index"/>'s payload into the start of <paramref name="destination"/> and returns its
    /// length. Checks it against the checksum seen when the file was opened.
    /// </summary>
    public int ReadPayload(int index, Span<byte> destination)
    {
        var entry = Entry(index);
        if (destination.Length < entry.PayloadLength)
        {
            throw new ArgumentException($"record {index} has {entry.PayloadLength} bytes; the destination holds {destination.Length}", nameof(destination));
        }
        var payload = destination[..entry.PayloadLength];
        long offset = entry.PayloadOffset;
        for (int done = 0; done < payload.Length;)
        {
            int read = RandomAccess.Read(_file, payload[done..], offset + done);
            if (read == 0)
            {
                throw Changed(index, entry);
            }
            done += read;
        }
        uint crc = Crc32C.Append(Crc32C.Compute([(byte)entry.Kind]), payload);
        if (crc != _checksums[index])
        {
            throw Changed(index, entry);
        }
        return entry.PayloadLength;
    }

    public void Dispose() => _file.Dispose();

    private RecordEntry Entry(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _records.Length);
        ObjectDisposedException.ThrowIf(_file.IsClosed, this);
        return _records[index];
    }

    private RecordingFormatException Changed(int index, RecordEntry entry) => new(Path, string.Create(CultureInfo.InvariantCulture,
        $"the recording '{Path}' changed after it was opened: record {index} at offset {entry.Offset} no longer reads back as it did"));

    private static void CheckFileHeader(string path, SafeFileHandle file, long length)
    {
        Span<byte> header = stackalloc byte[RecordingFormat.FileHeaderLength];
        int read = ReadUpTo(file, header, 0);
        var magic = RecordingFormat.Magic;
        if (!header[..Math.Min(read, magic.Length)].SequenceEqual(magic[..Math.Min(read, magic.Length)]))
        {
            throw new RecordingFormatException(path, $"'{path}' is not a TwinWorld recording: it does not start with the recording magic bytes");
        }
        if (read < header.Length)
        {
            throw new RecordingFormatException(path, string.Create(CultureInfo.InvariantCulture,
                $"'{path}' is not a usable recording: it has {length} bytes, fewer than the {RecordingFormat.FileHeaderLength}-byte file header (it may have been cut off as it was created)"));
        }
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[magic.Length..]);
        if (version is < RecordingFormat.OldestReadable or > RecordingFormat.Version)
        {
            throw new RecordingFormatException(path, string.Create(CultureInfo.InvariantCulture,
                $"'{path}' is a TwinWorld recording of format version {version}; this build reads versions {RecordingFormat.OldestReadable} to {RecordingFormat.Version}"));
        }
    }

    private static (RecordEntry[] Records, uint[] Checksums, RecordingTail? Tail) Scan(string path, SafeFileHandle file, long length)
    {
        var records = new List<RecordEntry>();
        var checksums = new List<uint>();
        var input = new SequentialInput(path, file, length, ScanBufferLength);
        long offset = RecordingFormat.FileHeaderLength;
        Span<byte> header = stackalloc byte[RecordingFormat.RecordHeaderLength];
        Span<byte> stored = stackalloc byte[4];
        while (offset < length)
        {
            long left = length - offset;
            if (left < RecordingFormat.RecordHeaderLength)
            {
                return Done(Damage(offset, length, TailProblem.CutOff, "an incomplete record", "the recording was cut off"));
            }
            input.Read(offset, header);
            uint payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(header);
            byte kind = header[4];
            if (payloadLength > RecordingFormat.MaxPayloadLength)
            {
                return Done(Damage(offset, length, TailProblem.AbsurdLength,
                    string.Create(CultureInfo.InvariantCulture, $"a record claiming {payloadLength:N0} bytes, more than the {RecordingFormat.MaxPayloadLength >> 20} MiB limit,"),
                    "the recording is damaged from there"));
            }
            if (left < RecordingFormat.RecordOverhead + payloadLength)
            {
                return Done(Damage(offset, length, TailProblem.CutOff, "an incomplete record", "the recording was cut off"));
            }
            uint crc = input.Checksum(offset + RecordingFormat.RecordHeaderLength, (int)payloadLength, Crc32C.Compute(header[4..]));
            input.Read(offset + RecordingFormat.RecordHeaderLength + payloadLength, stored);
            if (BinaryPrimitives.ReadUInt32LittleEndian(stored) != crc)
            {
                return Done(Damage(offset, length, TailProblem.ChecksumMismatch, "a record whose checksum does not match", "the recording is damaged from there"));
            }
            if (!RecordingFormat.IsDefined((RecordKind)kind))
            {
                return Done(Damage(offset, length, TailProblem.UnknownKind, $"a record of unknown kind {kind}", "it was written by a newer TwinWorld, or damaged"));
            }
            records.Add(new RecordEntry((RecordKind)kind, offset, (int)payloadLength));
            checksums.Add(crc);
            offset += RecordingFormat.RecordOverhead + payloadLength;
        }
        return Done(null);

        (RecordEntry[], uint[], RecordingTail?) Done(RecordingTail? tail) => (records.ToArray(), checksums.ToArray(), tail);
    }

    private static RecordingTail Damage(long offset, long length, TailProblem problem, string what, string why)
    {
        long ignored = length - offset;
        string message = string.Create(CultureInfo.InvariantCulture,
            $"the last {ignored:N0} bytes ({what} at offset {offset}) were ignored: {why}");
        return new RecordingTail(offset, ignored, problem, message);
    }

    private static int ReadUpTo(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int read = RandomAccess.Read(file, buffer[done..], offset + done);
            if (read == 0)
            {
                break;
            }
            done += read;
        }
        return done;
    }

    /// <summary>
    /// Forward reads of a file through one large buffer, so that scanning many small records costs few system
    /// calls. Reads stay below the length taken at open; a file that shrinks meanwhile is an error.
    /// </summary>
    private sealed class SequentialInput(string path, SafeFileHandle file, long length, int bufferLength)
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

        /// <summary>The <paramref name="count"/> bytes at <paramref name="offset"/> (count at most the buffer's length).</summary>
        private ReadOnlySpan<byte> Fill(long offset, int count)
        {
            if (offset < _bufferStart || offset + count > _bufferStart + _bufferCount)
            {
                _bufferStart = offset;
                _bufferCount = ReadUpTo(file, _buffer.AsSpan(0, (int)Math.Min(_buffer.Length, length - offset)), offset);
                if (_bufferCount < count)
                {
                    throw new RecordingFormatException(path, $"the recording '{path}' became shorter while it was being read");
                }
            }
            return _buffer.AsSpan((int)(offset - _bufferStart), count);
        }
    }
}
