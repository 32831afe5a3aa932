namespace TwinWorld.Replay.Recording;

/// <summary>What a record in a recording holds; stored as one byte, covered by the record's checksum.</summary>
public enum RecordKind : byte
{
    Header = 1,
    Tick = 2,
    Snapshot = 3,
    End = 4,
}
