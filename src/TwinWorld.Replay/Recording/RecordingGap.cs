using System.Globalization;

namespace TwinWorld.Replay.Recording;

/// <summary>
/// Bytes of a recording that a reader skipped, and why: a damaged stretch in the middle, with whole records after
/// it (<see cref="RecordingReader.Gaps"/>), or the end of the file (<see cref="RecordingReader.Tail"/>).
/// </summary>
public sealed class RecordingGap
{
    private RecordingGap(long offset, long bytesSkipped, GapProblem problem, string message)
    {
        Offset = offset;
        BytesSkipped = bytesSkipped;
        Problem = problem;
        Message = message;
    }

    /// <summary>File offset of the first skipped byte: the start of the record that could not be used.</summary>
    public long Offset { get; }

    /// <summary>How many bytes, from <see cref="Offset"/>, were skipped.</summary>
    public long BytesSkipped { get; }

    /// <summary>File offset just past the skipped bytes: the next whole record, or the end of the file.</summary>
    public long End => Offset + BytesSkipped;

    public GapProblem Problem { get; }

    /// <summary>
    /// One sentence for a user, e.g. "the last 123 bytes (an incomplete record at offset 4567) were ignored: the
    /// recording was cut off", or "4,444 bytes from offset 1,234 (a record whose checksum does not match) were
    /// skipped up to the next whole record, at offset 5,678: the recording is damaged there".
    /// </summary>
    public string Message { get; }

    public override string ToString() => Message;

    /// <summary>The end of the file from <paramref name="offset"/>, which holds no whole record.</summary>
    internal static RecordingGap AtEnd(long offset, long length, GapProblem problem, string what) => new(offset, length - offset, problem,
        string.Create(CultureInfo.InvariantCulture, $"the last {length - offset:N0} bytes ({what} at offset {offset}) were ignored: {Why(problem, "from there")}"));

    /// <summary>A damaged stretch from <paramref name="offset"/> to the whole record at <paramref name="next"/>.</summary>
    internal static RecordingGap Between(long offset, long next, GapProblem problem, string what) => new(offset, next - offset, problem,
        string.Create(CultureInfo.InvariantCulture, $"{next - offset:N0} bytes from offset {offset:N0} ({what}) were skipped up to the next whole record, at offset {next:N0}: {Why(problem, "there")}"));

    private static string Why(GapProblem problem, string where) => problem switch
    {
        GapProblem.CutOff => "the recording was cut off",
        GapProblem.UnknownKind => "it was written by a newer TwinWorld, or damaged",
        _ => $"the recording is damaged {where}",
    };
}
