using TwinWorld.Replay.Frames;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Runs;

/// <summary>
/// A recorded run opened for replay, forks and comparison: its header, every tick's record (small,
/// kept in memory), where its snapshots are (read on demand), how it ended if it did, what generated its
/// frames and their hashes if it was filmed, and what was ignored at a damaged end. Throws <see cref="RecordingFormatException"/> for a file that is not a
/// run recording.
/// </summary>
public sealed class RunRecording : IDisposable
{
    private readonly RecordingReader _file;
    private readonly List<TickRecord> _ticks = [];
    private readonly List<(long Tick, ulong StateHash, int Record)> _snapshots = [];
    private readonly List<RecordedFrame[]> _frames = [];

    private RunRecording(RecordingReader file)
    {
        _file = file;
        var records = file.Records;
        if (records.Count == 0 || records[0].Kind != RecordKind.Header)
        {
            throw new RecordingFormatException(file.Path, $"{file.Path} has no run header{(file.Tail is { } tail ? $" ({tail.Message})" : "")}.");
        }
        try
        {
            Header = RunHeader.FromBytes(file.ReadPayload(0));
            for (int i = 1; i < records.Count; i++)
            {
                switch (records[i].Kind)
                {
                    case RecordKind.Tick:
                        _ticks.Add(TickRecord.FromBytes(file.ReadPayload(i)));
                        break;
                    case RecordKind.Snapshot:
                        // Snapshots are megabytes and most are never read: one is taken right after a
                        // tick's record (or at the start of a fork), so its tick and hash are known here.
                        _snapshots.Add(_ticks.Count > 0 ? (_ticks[^1].Tick + 1, _ticks[^1].StateHash, i) : (Header.StartTick, 0, i));
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

    /// <summary>What was ignored at a damaged end of the file, or null.</summary>
    public RecordingTail? Tail => _file.Tail;

    /// <summary>The first tick recorded (0, or where a fork began).</summary>
    public long FirstTick => Header.StartTick;

    /// <summary>The last tick recorded, or <see cref="FirstTick"/> - 1 when none was.</summary>
    public long LastTick => _ticks.Count > 0 ? _ticks[^1].Tick : FirstTick - 1;

    public static RunRecording Open(string path) => new(RecordingReader.Open(path));

    /// <summary>The record of a tick, or null if it was not recorded.</summary>
    public TickRecord? TickAt(long tick)
    {
        long index = tick - FirstTick;
        return index >= 0 && index < _ticks.Count ? _ticks[(int)index] : null;
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
}
