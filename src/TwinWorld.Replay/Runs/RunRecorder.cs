using System.Diagnostics;
using System.Threading.Channels;
using TwinWorld.Replay.Frames;
using TwinWorld.Replay.Recording;
using TwinWorld.Replay.Reports;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Runs;

/// <summary>
/// Records a scenario run as it goes: the header, then after every tick its inputs and hashes, every
/// so many ticks a snapshot, and at the end how it ended. The tick thread only serialises (a
/// snapshot's state is copied there, between ticks); compressing and writing happen on a background
/// pump feeding a <see cref="RecordingWriter"/>, so a killed process keeps every record already
/// handed to the operating system. Generated frames' hashes come from the generation thread, beside the tick.
/// </summary>
/// <remarks>
/// Records wait in one bounded queue (<see cref="DefaultQueueLength"/>, about three minutes of ticks at
/// 20 Hz). A run that is not live (<c>twin run --record</c>) waits for the disk when the queue is full. A live
/// one (the server) never does: if the disk falls that far behind, the recorder stops there
/// (<see cref="Stopped"/> says where and why) rather than stall the world or grow without bound; the file
/// then ends at that tick, as a crashed run's does, every tick in it whole and verifiable.
/// </remarks>
public sealed class RunRecorder : IDisposable
{
    private readonly RecordingWriter _writer;
    private readonly ScenarioRun _run;
    private readonly long _snapshotEvery;
    private readonly Channel<(RecordKind Kind, Func<byte[]> Payload)> _work;
    private readonly int _queueLength;
    private readonly bool _live;
    private readonly Task _pump;
    private string? _stopped;
    private readonly object _framesGate = new();
    private bool _framesClosed;
    private bool _finished;

    /// <summary>Records that may wait for the disk before the recorder stops.</summary>
    public const int DefaultQueueLength = 4096;

    private RunRecorder(RecordingWriter writer, ScenarioRun run, RunHeader header, int queueLength, bool live)
    {
        _writer = writer;
        _queueLength = queueLength;
        _live = live;
        _work = Channel.CreateBounded<(RecordKind, Func<byte[]>)>(
            new BoundedChannelOptions(queueLength) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
        _run = run;
        _snapshotEvery = Math.Max(1, header.SnapshotEveryTicks);
        _pump = Task.Run(PumpAsync);
        Queue(RecordKind.Header, header.ToBytes);
        if (run.Simulation.Tick > 0)
        {
            // A fork starts mid-run: its first snapshot is where a replay of it begins.
            Snapshot();
        }
    }

    public string Path => _writer.Path;

    /// <summary>Snapshots taken, and the tick thread's time spent saving them (ms, total).</summary>
    public int Snapshots { get; private set; }

    public double SnapshotMilliseconds { get; private set; }

    /// <summary>
    /// Starts recording a run that has not yet stepped past <paramref name="header"/>'s start tick. A
    /// <paramref name="live"/> run's tick never waits for the disk (see the remarks).
    /// </summary>
    public static RunRecorder Start(string path, ScenarioRun run, RunHeader header, bool overwrite = false, bool live = false)
        => new(RecordingWriter.Create(path, overwrite), run, header, DefaultQueueLength, live);

    /// <summary>A recorder over any writer, with a chosen queue length: for tests with a disk that stalls.</summary>
    internal static RunRecorder Start(RecordingWriter writer, ScenarioRun run, RunHeader header, int queueLength, bool live)
        => new(writer, run, header, queueLength, live);

    /// <summary>Why the recording stopped before the run did (the disk fell behind), or null while it keeps up.</summary>
    public string? Stopped => Volatile.Read(ref _stopped);

    /// <summary>Call after each tick with its report (on the tick thread).</summary>
    public void Record(TickReport report)
    {
        var record = new TickRecord(report.Tick, report.StateHash, [.. _run.Simulation.StateHashPartValues], report.Due);
        Queue(RecordKind.Tick, record.ToBytes);
        if (_run.Simulation.Tick % _snapshotEvery == 0)
        {
            Snapshot();
        }
    }

    /// <summary>Records what generates the run's frames: once, before the first <see cref="RecordFrames"/>.</summary>
    public void RecordGenerator(GeneratorIdentity generator) => Queue(RecordKind.Generator, generator.ToBytes);

    /// <summary>
    /// Records one generation call's frames (on the generation thread, beside the tick). Frames that come after
    /// <see cref="Finish"/> are not recorded: the run had ended before they were made.
    /// </summary>
    public void RecordFrames(IReadOnlyList<RecordedFrame> batch)
    {
        lock (_framesGate)
        {
            if (!_framesClosed)
            {
                Queue(RecordKind.Frames, () => RecordedFrame.ToBytes(batch));
            }
        }
    }

    /// <summary>Writes how the run ended and its metrics, and waits until everything is on disk.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }
        _finished = true;
        CloseFrames();
        if (Stopped is null)
        {
            var end = new RunEnd(_run.Simulation.Tick - 1, _run.EndReason ?? $"stopped at tick {_run.Simulation.Tick}", [.. _run.Samples], RunEnd.MapData.Of(RunMaps.Capture(_run.Simulation)));
            QueueWaiting(RecordKind.End, Made(end.ToBytes())); // not on the tick: the end may wait for the disk
        }
        Drain();
        _writer.Flush();
    }

    /// <summary>Writes what is queued and closes the file; without <see cref="Finish"/> the recording simply stops (as after a crash).</summary>
    public void Dispose()
    {
        CloseFrames();
        Drain();
        _writer.Dispose();
    }

    private void CloseFrames()
    {
        lock (_framesGate)
        {
            _framesClosed = true;
        }
    }

    private void Snapshot()
    {
        long start = Stopwatch.GetTimestamp();
        long tick = _run.Simulation.Tick;
        ulong hash = _run.Simulation.StateHash;
        byte[] state = _run.SaveState();
        SnapshotMilliseconds += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Snapshots++;
        Queue(RecordKind.Snapshot, () => SnapshotPayload.Pack(tick, hash, state));
    }

    /// <summary>Queues a record; when the queue is full, a live run's recording stops, any other waits (see the remarks).</summary>
    private void Queue(RecordKind kind, Func<byte[]> payload)
    {
        if (Stopped is not null)
        {
            return;
        }
        if (_pump.IsFaulted)
        {
            Drain();
        }
        // Tick records are made now (they are small and read the run); snapshots compress on the pump.
        var made = kind == RecordKind.Snapshot ? payload : Made(payload());
        if (_work.Writer.TryWrite((kind, made)))
        {
            return;
        }
        if (!_live)
        {
            QueueWaiting(kind, made);
        }
        else if (Stopped is null)
        {
            Interlocked.CompareExchange(ref _stopped,
                $"the recording stopped at tick {_run.Simulation.Tick - 1:N0} (the file holds the ticks before it): the disk fell {_queueLength:N0} records behind, and the run went on unrecorded", null);
            _work.Writer.TryComplete();
        }
    }

    private void QueueWaiting(RecordKind kind, Func<byte[]> payload) => _work.Writer.WriteAsync((kind, payload)).AsTask().GetAwaiter().GetResult();

    private static Func<byte[]> Made(byte[] bytes) => () => bytes;

    private void Drain()
    {
        _work.Writer.TryComplete();
        _pump.GetAwaiter().GetResult();
    }

    private async Task PumpAsync()
    {
        await foreach (var (kind, payload) in _work.Reader.ReadAllAsync())
        {
            _writer.Append(kind, payload());
        }
    }
}
