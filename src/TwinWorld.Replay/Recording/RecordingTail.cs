namespace TwinWorld.Replay.Recording;

/// <summary>
/// The bytes at the end of a recording that a reader ignored, and why. Every record before <see cref="Offset"/>
/// is intact and readable; nothing from <see cref="Offset"/> on is used.
/// </summary>
public sealed class RecordingTail
{
    internal RecordingTail(long offset, long bytesIgnored, TailProblem problem, string message)
    {
        Offset = offset;
        BytesIgnored = bytesIgnored;
        Problem = problem;
        Message = message;
    }

    /// <summary>File offset of the first ignored byte: the start of the record that could not be used.</summary>
    public long Offset { get; }

    /// <summary>How many bytes, from <see cref="Offset"/> to the end of the file, were ignored.</summary>
    public long BytesIgnored { get; }

    public TailProblem Problem { get; }

    /// <summary>One sentence for a user, e.g. "the last 123 bytes (an incomplete record at offset 4567) were ignored: the recording was cut off".</summary>
    public string Message { get; }

    public override string ToString() => Message;
}
