using System.Globalization;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Runs;

/// <summary>
/// A damaged stretch of a run's recording, skipped by the reader, in the run's terms: the ticks whose records it
/// took (<see cref="FirstTickLost"/> to <see cref="LastTickLost"/>, none when it held only a snapshot or frames), and
/// the snapshot a replay starts again from after it (<see cref="ResumeTick"/>). A replay cannot run lost ticks'
/// inputs, so the ticks from the first lost one to that snapshot go unverified.
/// </summary>
/// <remarks>
/// Ticks lost are those missing between the tick records on either side of the stretch; when two stretches lie
/// between the same two tick records, both name the same lost ticks, since which of them held which tick is unknown.
/// </remarks>
public sealed record RunGap(RecordingGap Damage, long FirstTickLost, long LastTickLost, long? ResumeTick)
{
    public long TicksLost => LastTickLost - FirstTickLost + 1;

    /// <summary>One line for a user: the bytes skipped and why, the ticks lost, and where checking starts again.</summary>
    public override string ToString()
    {
        string bytes = string.Create(CultureInfo.InvariantCulture,
            $"bytes {Damage.Offset:N0} to {Damage.End - 1:N0} ({Damage.BytesSkipped:N0} bytes, {Problem(Damage.Problem)}) were skipped");
        if (TicksLost <= 0)
        {
            return $"{bytes}: no tick lost (they held a snapshot or frames)";
        }
        string lost = $"{bytes}: {Ticks(FirstTickLost, LastTickLost)} lost";
        if (ResumeTick is not { } resume)
        {
            return $"{lost}; no snapshot after them, so the ticks after them are unverified";
        }
        string unverified = resume - 1 > LastTickLost ? $"{Ticks(LastTickLost + 1, resume - 1)} unverified, " : "";
        return string.Create(CultureInfo.InvariantCulture, $"{lost}, {unverified}checked again from the snapshot at tick {resume:N0}");
    }

    private static string Ticks(long first, long last) => first == last
        ? string.Create(CultureInfo.InvariantCulture, $"tick {first:N0}")
        : string.Create(CultureInfo.InvariantCulture, $"ticks {first:N0} to {last:N0}");

    private static string Problem(GapProblem problem) => problem switch
    {
        GapProblem.ChecksumMismatch => "checksum mismatch",
        GapProblem.AbsurdLength => "impossible length",
        GapProblem.UnknownKind => "unknown record kind",
        GapProblem.NoMarker => "no record marker",
        _ => "cut off",
    };
}
