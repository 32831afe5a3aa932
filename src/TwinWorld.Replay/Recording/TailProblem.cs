namespace TwinWorld.Replay.Recording;

/// <summary>Why a reader stopped before the end of a recording file.</summary>
public enum TailProblem
{
    /// <summary>The file ends inside a record: the writer was stopped (killed, crashed, lost power) mid-record.</summary>
    CutOff,

    /// <summary>A complete record whose checksum does not match its bytes: the file was damaged.</summary>
    ChecksumMismatch,

    /// <summary>A record's length field is beyond <see cref="RecordingFormat.MaxPayloadLength"/>: the file was damaged.</summary>
    AbsurdLength,

    /// <summary>An intact record of a kind this build does not know: a newer writer, or damage that kept the checksum.</summary>
    UnknownKind,
}
