using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace TwinWorld.Replay.Recording;

/// <summary>
/// Reads a recording file (layout in <see cref="RecordingFormat"/>). <see cref="Open"/> checks every record's
/// checksum and indexes the records without keeping their payloads; <see cref="ReadPayload(int)"/> reads one when
/// asked. Damage does not throw. In a version 3 file the scan skips a record it cannot use, searches on for the
/// next whole record and goes on from there: <see cref="Gaps"/> lists each damaged stretch skipped. A cut-off end
/// (a writer stopped mid-record), or damage with no whole record after it, is <see cref="Tail"/>. In version 1 and
/// 2 files, which have no record marker to search for, the scan stops at the first record it cannot use, which
/// is then the tail. Payloads may be read from several threads at once.
/// </summary>
public sealed class RecordingReader : IDisposable
{
    private const int ScanBufferLength = 1 << 20;

    private readonly SafeFileHandle _file;
    private readonly RecordEntry[] _records;
    private readonly IReadOnlyList<RecordEntry> _readOnlyRecords;
    private readonly uint[] _checksums;

    private RecordingReader(string path, SafeFileHandle file, long length, uint version, ScanResult scan)
    {
        Path = path;
        _file = file;
        Length = length;
        Version = version;
        _records = scan.Records;
        _readOnlyRecords = Array.AsReadOnly(scan.Records);
        _checksums = scan.Checksums;
        Gaps = Array.AsReadOnly(scan.Gaps);
        Tail = scan.Tail;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The file's length when it was opened; bytes a writer adds later are not seen by this reader.</summary>
    public long Length { get; }

    /// <summary>The file's format version (<see cref="RecordingFormat.OldestReadable"/> to <see cref="RecordingFormat.Version"/>).</summary>
    public uint Version { get; }

    /// <summary>Every intact record, in file order.</summary>
    public IReadOnlyList<RecordEntry> Records => _readOnlyRecords;

    /// <summary>The damaged stretches skipped in the middle of the file, in file order; each has whole records after it.</summary>
    public IReadOnlyList<RecordingGap> Gaps { get; }

    /// <summary>What was ignored at the end of the file and why, or null when the file ends just after a whole record.</summary>
    public RecordingGap? Tail { get; }

    /// <summary>
    /// Opens and scans a recording. Throws <see cref="RecordingFormatException"/> when the file is not a recording
    /// of a format version this build reads; reports damage through <see cref="Gaps"/> and <see cref="Tail"/> instead.
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
            uint version = CheckFileHeader(fullPath, file, length);
            return new RecordingReader(fullPath, file, length, version, Scan(fullPath, file, length, version));
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

    /// <summary>The file's format version, after checking its magic; throws for a file this build cannot read.</summary>
    private static uint CheckFileHeader(string path, SafeFileHandle file, long length)
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
        return version;
    }

    private static ScanResult Scan(string path, SafeFileHandle file, long length, uint version)
    {
        var records = new List<RecordEntry>();
        var checksums = new List<uint>();
        var gaps = new List<RecordingGap>();
        var input = new SequentialInput(path, file, length, ScanBufferLength);
        int headerLength = RecordingFormat.RecordHeaderLengthOf(version);
        bool marked = version >= RecordingFormat.FirstMarkedVersion;
        long offset = RecordingFormat.FileHeaderLength;
        while (offset < length)
        {
            var record = ReadRecord(input, offset, length, headerLength, searching: false);
            if (record.Problem is not { } problem)
            {
                Keep(record);
                continue;
            }
            // Only marked files are searched: without a marker every offset would be a candidate (see RecordingFormat).
            if (!marked || NextRecord(input, offset + 1, length) is not { } next)
            {
                return new ScanResult([.. records], [.. checksums], [.. gaps], RecordingGap.AtEnd(offset, length, problem, record.What));
            }
            // Whole records after it: a record that seemed to run past the end had a damaged length.
            gaps.Add(problem == GapProblem.CutOff
                ? RecordingGap.Between(offset, next.Entry.Offset, GapProblem.AbsurdLength, "a record whose length runs past the end of the file")
                : RecordingGap.Between(offset, next.Entry.Offset, problem, record.What));
            Keep(next);
        }
        return new ScanResult([.. records], [.. checksums], [.. gaps], null);

        void Keep(in Candidate record)
        {
            records.Add(record.Entry);
            checksums.Add(record.Crc);
            offset = record.Entry.End;
        }
    }

    /// <summary>
    /// The first whole record of a known kind at or after <paramref name="offset"/>, or null: each place the marker
    /// occurs is checked, the cheap checks (length, kind) before the checksum.
    /// </summary>
    private static Candidate? NextRecord(SequentialInput input, long offset, long length)
    {
        for (long found = input.IndexOf(RecordingFormat.SyncMarker, offset); found >= 0; found = input.IndexOf(RecordingFormat.SyncMarker, found + 1))
        {
            var record = ReadRecord(input, found, length, RecordingFormat.RecordHeaderLength, searching: true);
            if (record.Problem is null)
            {
                return record;
            }
        }
        return null;
    }

    /// <summary>
    /// The record at <paramref name="offset"/> if it is whole, checks out and is of a known kind; otherwise why not.
    /// <paramref name="searching"/> turns down an unknown kind before its checksum is computed.
    /// </summary>
    private static Candidate ReadRecord(SequentialInput input, long offset, long length, int headerLength, bool searching)
    {
        long left = length - offset;
        if (left < headerLength)
        {
            return Candidate.Rejected(GapProblem.CutOff, "an incomplete record");
        }
        Span<byte> header = stackalloc byte[headerLength];
        input.Read(offset, header);
        int markerLength = headerLength - RecordingFormat.LengthAndKindLength;
        if (!header[..markerLength].SequenceEqual(RecordingFormat.SyncMarker[..markerLength]))
        {
            return Candidate.Rejected(GapProblem.NoMarker, "bytes that are not the start of a record");
        }
        uint payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(header[markerLength..]);
        byte kind = header[^1];
        if (payloadLength > RecordingFormat.MaxPayloadLength)
        {
            return Candidate.Rejected(GapProblem.AbsurdLength,
                string.Create(CultureInfo.InvariantCulture, $"a record claiming {payloadLength:N0} bytes, more than the {RecordingFormat.MaxPayloadLength >> 20} MiB limit,"));
        }
        if (left < headerLength + payloadLength + RecordingFormat.ChecksumLength)
        {
            return Candidate.Rejected(GapProblem.CutOff, "an incomplete record");
        }
        if (searching && !RecordingFormat.IsDefined((RecordKind)kind))
        {
            return Candidate.Rejected(GapProblem.UnknownKind, $"a record of unknown kind {kind}");
        }
        var entry = new RecordEntry((RecordKind)kind, offset, offset + headerLength, (int)payloadLength);
        uint crc = input.Checksum(entry.PayloadOffset, entry.PayloadLength, Crc32C.Compute(header[^1..]));
        Span<byte> stored = stackalloc byte[RecordingFormat.ChecksumLength];
        input.Read(entry.PayloadOffset + entry.PayloadLength, stored);
        if (BinaryPrimitives.ReadUInt32LittleEndian(stored) != crc)
        {
            return Candidate.Rejected(GapProblem.ChecksumMismatch, "a record whose checksum does not match");
        }
        if (!RecordingFormat.IsDefined((RecordKind)kind))
        {
            return Candidate.Rejected(GapProblem.UnknownKind, $"a record of unknown kind {kind}");
        }
        return new Candidate(entry, crc, null, "");
    }

    internal static int ReadUpTo(SafeFileHandle file, Span<byte> buffer, long offset)
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

    /// <summary>A record found by the scan, with its checksum, or why the bytes there are not one (<see cref="Problem"/> set).</summary>
    private readonly record struct Candidate(RecordEntry Entry, uint Crc, GapProblem? Problem, string What)
    {
        public static Candidate Rejected(GapProblem problem, string what) => new(default, 0, problem, what);
    }

    private readonly record struct ScanResult(RecordEntry[] Records, uint[] Checksums, RecordingGap[] Gaps, RecordingGap? Tail);
}
