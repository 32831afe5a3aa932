using TwinWorld.Replay.Frames;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Runs;

/// <summary>
/// A recorded run opened for replay, forks and comparison: its header, every tick's record (small,
/// kept in memory), where its snapshots are (read on demand), how it ended if it did, what generated its
/// frames and their hashes if it was filmed, the damaged stretches skipped in the middle (with the ticks they
/// took) and what was ignored at a damaged or cut-off end. Throws <see cref="RecordingFormatException"/> for a file
/// that is not a run recording.
/// </summary>
public sealed class RunRecording : IDisposable
{
    private readonly RecordingReader _file;
    private readonly List<TickRecord> _ticks = [];
    private readonly List<(long Tick, ulong StateHash, int Record)> _snapshots = [];
    private readonly List<RecordedFrame[]> _frames = [];
    private readonly List<RunGap> _gaps = [];

    private RunRecording(RecordingReader file)
    {
        _file = file;
        var records = file.Records;
        if (records.Count == 0 || records[0].Kind != RecordKind.Header)
        {
            var damage = file.Gaps.Count > 0 && (records.Count == 0 || file.Gaps[0].Offset < records[0].Offset) ? file.Gaps[0] : file.Tail;
            throw new RecordingFormatException(file.Path, $"{file.Path} has no run header{(damage is null ? "" : $" ({damage.Message})")}.");
        }
        try
        {
            Header = RunHeader.FromBytes(file.ReadPayload(0));
            // The damaged stretches passed since the last tick record: their lost ticks are known at the next one.
            var passed = new List<RecordingGap>();
            int nextGap = 0;
            for (int i = 1; i < records.Count; i++)
            {
                for (; nextGap < file.Gaps.Count && file.Gaps[nextGap].Offset < records[i].Offset; nextGap++)
                {
                    passed.Add(file.Gaps[nextGap]);
                }
                switch (records[i].Kind)
                {
                    case RecordKind.Tick:
                        var tick = TickRecord.FromBytes(file.ReadPayload(i));
                        Lost(passed, tick.Tick - 1);
                        _ticks.Add(tick);
                        break;
                    case RecordKind.Snapshot:
                        // Snapshots are megabytes and most are never read: one is taken right after a
                        // tick's record (or at the start of a fork), so its tick and hash are known here,
                        // unless damage took the records before it; then it says itself.
                        _snapshots.Add(passed.Count > 0 ? Peeked(i)
                            : _ticks.Count > 0 ? (_ticks[^1].Tick + 1, _ticks[^1].StateHash, i) : (Header.StartTick, 0, i));
                        break;
                    case RecordKind.End:
                        End = RunEnd.FromBytes(file.ReadPayload(i));
                        break;
                    case RecordKind.Generator:
                        Generator = GeneratorIdentity.FromBytes(file.ReadPayload(i));
                        break;
                    case RecordKind.Frames:
                        _frames.Add(RecordedFrame.FromBytes(file.ReadPayload(i)));
                        break;
                }
            }
            passed.AddRange(file.Gaps.Skip(nextGap));
            Lost(passed, End?.LastTick ?? LastTick);
            for (int g = 0; g < _gaps.Count; g++)
            {
                _gaps[g] = _gaps[g].TicksLost > 0 ? _gaps[g] with { ResumeTick = ResumeAfter(_gaps[g]) } : _gaps[g];
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new RecordingFormatException(file.Path, $"{file.Path} is not a run recording this build can read: {e.Message}");
        }
    }

    public string Path => _file.Path;

    public RunHeader Header { get; }

    public IReadOnlyList<TickRecord> Ticks => _ticks;

    /// <summary>Where snapshots were taken: the tick each was taken before, and the state hash then.</summary>
    public IEnumerable<(long Tick, ulong StateHash)> Snapshots => _snapshots.Select(s => (s.Tick, s.StateHash));

    /// <summary>How the run ended, or null when the recording stops without saying (a crash, a kill).</summary>
    public RunEnd? End { get; private set; }

    /// <summary>What generated the run's frames; null when the run was not filmed (or was recorded before frames were).</summary>
    public GeneratorIdentity? Generator { get; private set; }

    /// <summary>The generated frames, one list per generation call, in the order they were made.</summary>
    public IReadOnlyList<IReadOnlyList<RecordedFrame>> FrameBatches => _frames;

    /// <summary>What was ignored at a damaged or cut-off end of the file, or null.</summary>
    public RecordingGap? Tail => _file.Tail;

    /// <summary>The damaged stretches skipped in the middle of the file, in file order, each with the ticks it took.</summary>
    public IReadOnlyList<RunGap> Gaps => _gaps;

    /// <summary>How many ticks the damaged stretches took (each lost tick counted once).</summary>
    public long TicksLost => _gaps.Select(g => (g.FirstTickLost, g.LastTickLost)).Distinct().Sum(lost => Math.Max(0, lost.LastTickLost - lost.FirstTickLost + 1));

    /// <summary>The first tick recorded (0, or where a fork began).</summary>
    public long FirstTick => Header.StartTick;

    /// <summary>The last tick recorded, or <see cref="FirstTick"/> - 1 when none was.</summary>
    public long LastTick => _ticks.Count > 0 ? _ticks[^1].Tick : FirstTick - 1;

    public static RunRecording Open(string path) => new(RecordingReader.Open(path));

    /// <summary>The record of a tick, or null if it was not recorded (or damage took it).</summary>
    public TickRecord? TickAt(long tick)
    {
        // Tick records are in increasing order, with holes where damage took some: a binary search.
        int low = 0, high = _ticks.Count - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            long found = _ticks[middle].Tick;
            if (found == tick)
            {
                return _ticks[middle];
            }
            (low, high) = found < tick ? (middle + 1, high) : (low, middle - 1);
        }
        return null;
    }

    /// <summary>The latest snapshot taken at or before <paramref name="tick"/>: its tick and saved state, or null.</summary>
    public (long Tick, ulong StateHash, byte[] State)? SnapshotAtOrBefore(long tick)
    {
        var best = _snapshots.Where(s => s.Tick <= tick).Select(s => ((long, ulong, int)?)s).LastOrDefault();
        if (best is not { } found)
        {
            return null;
        }
        var payload = _file.ReadPayload(found.Item3);
        var (taken, hash) = SnapshotPayload.Peek(payload);
        if (taken != found.Item1)
        {
            throw new RecordingFormatException(Path, $"{Path}: the snapshot after tick {found.Item1 - 1} says it was taken at tick {taken}.");
        }
        return (taken, hash, SnapshotPayload.Unpack(payload));
    }

    public void Dispose() => _file.Dispose();

    /// <summary>A snapshot's tick and hash from its own payload.</summary>
    private (long Tick, ulong StateHash, int Record) Peeked(int record)
    {
        var (tick, hash) = SnapshotPayload.Peek(_file.ReadPayload(record));
        return (tick, hash, record);
    }

    /// <summary>Adds the damaged stretches passed since the last tick record, which took the ticks from that one's next up to <paramref name="lastLost"/>.</summary>
    private void Lost(List<RecordingGap> passed, long lastLost)
    {
        long firstLost = _ticks.Count > 0 ? _ticks[^1].Tick + 1 : FirstTick;
        _gaps.AddRange(passed.Select(damage => new RunGap(damage, firstLost, lastLost, null)));
        passed.Clear();
    }

    /// <summary>
    /// The first snapshot after a stretch's lost ticks from which there are ticks to check (not itself in a lost
    /// stretch, and before the last tick), or null.
    /// </summary>
    private long? ResumeAfter(RunGap gap)
    {
        bool InLost(long tick) => _gaps.Any(g => g.FirstTickLost <= tick && tick <= g.LastTickLost);
        var after = _snapshots.Select(s => s.Tick).Where(tick => tick > gap.LastTickLost && tick <= LastTick && !InLost(tick)).Order();
        return after.Select(tick => (long?)tick).FirstOrDefault();
    }
}
