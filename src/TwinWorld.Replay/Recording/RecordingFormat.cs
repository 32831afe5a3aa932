using System.Buffers.Binary;

namespace TwinWorld.Replay.Recording;

/// <summary>
/// The byte layout of a recording file, shared by <see cref="RecordingWriter"/> and <see cref="RecordingReader"/>.
/// A file starts with <see cref="Magic"/> and <see cref="Version"/> (u32); then come records, each
/// <c>length u32 | kind u8 | payload | CRC-32C(kind + payload) u32</c>, all little-endian.
/// </summary>
public static class RecordingFormat
{
    /// <summary>
    /// The format version this build writes. Version 2 added the <see cref="RecordKind.Generator"/> and
    /// <see cref="RecordKind.Frames"/> records; a version 1 reader would stop at the first of them as at damage and
    /// lose the ticks after it, so the version says so up front instead.
    /// </summary>
    public const uint Version = 2;

    /// <summary>The oldest format version this build reads (version 1 files simply have no frame records).</summary>
    public const uint OldestReadable = 1;

    /// <summary>Magic (8 bytes) then version (4 bytes).</summary>
    public const int FileHeaderLength = 12;

    /// <summary>Bytes in front of a payload: its length (u32) and kind (u8).</summary>
    public const int RecordHeaderLength = 5;

    /// <summary>Bytes a record adds to its payload: length, kind and checksum.</summary>
    public const int RecordOverhead = RecordHeaderLength + 4;

    /// <summary>
    /// The largest payload a record may carry (256 MiB). Snapshots are a few MB; a length field above this
    /// is damage, and the reader stops there instead of skipping gigabytes.
    /// </summary>
    public const int MaxPayloadLength = 256 << 20;

    /// <summary>The first 8 bytes of every recording.</summary>
    public static ReadOnlySpan<byte> Magic => "TWINREC\0"u8;

    /// <summary>Whether <paramref name="kind"/> is one this format defines.</summary>
    public static bool IsDefined(RecordKind kind) => kind is >= RecordKind.Header and <= RecordKind.Frames;

    internal static void WriteFileHeader(Span<byte> destination)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[Magic.Length..], Version);
    }
}
