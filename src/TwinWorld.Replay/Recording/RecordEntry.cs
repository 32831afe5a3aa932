namespace TwinWorld.Replay.Recording;

/// <summary>Where one record of a recording lies: its kind, the file offset of its length field, and its payload's length.</summary>
public readonly record struct RecordEntry(RecordKind Kind, long Offset, int PayloadLength)
{
    /// <summary>File offset of the payload's first byte.</summary>
    public long PayloadOffset => Offset + RecordingFormat.RecordHeaderLength;

    /// <summary>File offset just past the record (its checksum included): where the next record starts.</summary>
    public long End => Offset + RecordingFormat.RecordOverhead + PayloadLength;
}
