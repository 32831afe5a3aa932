namespace TwinWorld.Replay.Recording;

/// <summary>Why a reader skipped bytes of a recording file: the first record it could not use there.</summary>
public enum GapProblem
{
    /// <summary>The file ends inside a record: the writer was stopped (killed, crashed, lost power) mid-record.</summary>
    CutOff,

    /// <summary>A complete record whose checksum does not match its bytes: the file was damaged.</summary>
    ChecksumMismatch,

    /// <summary>
    /// A record's length field is beyond <see cref="RecordingFormat.MaxPayloadLength"/>, or runs past the end of the
    /// file with whole records after it: the file was damaged.
    /// </summary>
    AbsurdLength,

    /// <summary>An intact record of a kind this build does not know: a newer writer, or damage that kept the checksum.</summary>
    UnknownKind,

    /// <summary>Bytes where a record should start that do not start with <see cref="RecordingFormat.SyncMarker"/> (version 3 on): damage, or bytes put in.</summary>
    NoMarker,
}
