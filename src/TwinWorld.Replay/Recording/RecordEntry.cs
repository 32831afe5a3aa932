namespace TwinWorld.Replay.Recording;

/// <summary>
/// Where one record of a recording lies: its kind, the file offset of its first byte (its marker, or in a version 1
/// or 2 file its length field), the file offset of its payload, and the payload's length.
/// </summary>
public readonly record struct RecordEntry(RecordKind Kind, long Offset, long PayloadOffset, int PayloadLength)
{
    /// <summary>File offset just past the record (its checksum included): where the next record starts.</summary>
    public long End => PayloadOffset + PayloadLength + RecordingFormat.ChecksumLength;
}
