using System.Buffers.Binary;

namespace TwinWorld.Replay.Recording;

/// <summary>
/// The byte layout of a recording file, shared by <see cref="RecordingWriter"/> and <see cref="RecordingReader"/>.
/// A file starts with <see cref="Magic"/> and <see cref="Version"/> (u32); then come records, each
/// <c>marker u32 | length u32 | kind u8 | payload | CRC-32C(kind + payload) u32</c>, all little-endian, the marker
/// being the fixed bytes <see cref="SyncMarker"/> (versions 1 and 2 have no marker: <c>length | kind | payload | CRC</c>).
/// </summary>
/// <remarks>
/// The marker is what lets a reader find the next record after a damaged one: it searches for the marker with a
/// vectorised <c>IndexOf</c> and checks a candidate's length and kind before its checksum, so a scan past damage costs
/// about one pass over the bytes skipped. Without it, every byte offset would be a candidate whose claimed length
/// must be checksummed: a cost of the file's size times a record's on a damaged large file.
/// </remarks>
public static class RecordingFormat
{
    /// <summary>
    /// The format version this build writes. Version 2 added the <see cref="RecordKind.Generator"/> and
    /// <see cref="RecordKind.Frames"/> records; a version 1 reader would stop at the first of them as at damage and
    /// lose the ticks after it, so the version says so up front instead. Version 3 put <see cref="SyncMarker"/> in
    /// front of every record, so that a reader resynchronises after damage instead of losing the rest of the file.
    /// Version 4 records the world's commands (commands.proto) as their protobuf bytes with their sender; a
    /// version 3 reader would take each for damage, so it refuses the file instead. Older files still read:
    /// their hazard inputs become the same commands. Version 5 records alerts, spawns and despawns as commands too (a
    /// version 4 reader would read them as empty commands, so it refuses the file); their older records read as those commands.
    /// Version 6 records placed cameras as commands (a version 5 reader would read them as empty commands) and players'
    /// avatars, cameras and leaving as inputs.proto's PlayerPresence; older records of them read as those messages.
    /// </summary>
    public const uint Version = 6;

    /// <summary>The oldest format version this build reads (version 1 files simply have no frame records).</summary>
    public const uint OldestReadable = 1;

    /// <summary>The first version with <see cref="SyncMarker"/>; a reader stops at the first damage in older files.</summary>
    public const uint FirstMarkedVersion = 3;

    /// <summary>Magic (8 bytes) then version (4 bytes).</summary>
    public const int FileHeaderLength = 12;

    /// <summary>Bytes of <see cref="SyncMarker"/>.</summary>
    public const int SyncMarkerLength = 4;

    /// <summary>Bytes in front of a payload: the marker, its length (u32) and kind (u8).</summary>
    public const int RecordHeaderLength = SyncMarkerLength + LengthAndKindLength;

    /// <summary>Bytes of a record's length (u32) and kind (u8), after its marker.</summary>
    internal const int LengthAndKindLength = 5;

    /// <summary>Bytes of a record's checksum, after its payload.</summary>
    public const int ChecksumLength = 4;

    /// <summary>Bytes a record adds to its payload: marker, length, kind and checksum.</summary>
    public const int RecordOverhead = RecordHeaderLength + ChecksumLength;

    /// <summary>
    /// The largest payload a record may carry (256 MiB). Snapshots are a few MB; a length field above this
    /// is damage, and the reader skips that record instead of reading gigabytes.
    /// </summary>
    public const int MaxPayloadLength = 256 << 20;

    /// <summary>The first 8 bytes of every recording.</summary>
    public static ReadOnlySpan<byte> Magic => "TWINREC\0"u8;

    /// <summary>
    /// The 4 bytes in front of every record (version 3 on). None of them is ASCII and 0xF9 never occurs in UTF-8,
    /// so the header's scenario text cannot hold it; in random bytes (hashes, deflated snapshots) it turns up about
    /// once in 4 GiB, and such a false start is then rejected by the length, kind and checksum checks.
    /// </summary>
    public static ReadOnlySpan<byte> SyncMarker => [0xC7, 0xF9, 0x3E, 0x8A];

    /// <summary>Bytes in front of a payload in a file of <paramref name="version"/>: the marker only from version 3.</summary>
    public static int RecordHeaderLengthOf(uint version) => version >= FirstMarkedVersion ? RecordHeaderLength : LengthAndKindLength;

    /// <summary>Whether <paramref name="kind"/> is one this format defines.</summary>
    public static bool IsDefined(RecordKind kind) => kind is >= RecordKind.Header and <= RecordKind.Frames;

    internal static void WriteFileHeader(Span<byte> destination)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[Magic.Length..], Version);
    }

    /// <summary>Writes a record's marker, length and kind (<see cref="RecordHeaderLength"/> bytes).</summary>
    internal static void WriteRecordHeader(Span<byte> destination, int payloadLength, RecordKind kind)
    {
        SyncMarker.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[SyncMarkerLength..], (uint)payloadLength);
        destination[RecordHeaderLength - 1] = (byte)kind;
    }
}
