namespace TwinWorld.Replay.Recording;

/// <summary>What a record in a recording holds; stored as one byte, covered by the record's checksum.</summary>
public enum RecordKind : byte
{
    Header = 1,
    Tick = 2,
    Snapshot = 3,
    End = 4,

    /// <summary>What generated the run's frames (format version 2 on): model, model file, device, resolution, renderer build.</summary>
    Generator = 5,

    /// <summary>One generation call's frames (format version 2 on): camera, tick, source and a hash of each raw frame.</summary>
    Frames = 6,
}
