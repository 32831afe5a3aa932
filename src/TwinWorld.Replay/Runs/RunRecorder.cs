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
public sealed class RunRecorder : IDisposable
{
    private readonly RecordingWriter _writer;
    private readonly ScenarioRun _run;
    private readonly long _snapshotEvery;
    private readonly Channel<(RecordKind Kind, Func<byte[]> Payload)> _work = Channel.CreateBounded<(RecordKind, Func<byte[]>)>(
        new BoundedChannelOptions(4096) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _pump;
    private readonly object _framesGate = new();
    private bool _framesClosed;
    private bool _finished;

    private RunRecorder(RecordingWriter writer, ScenarioRun run, RunHeader header)
    {
        _writer = writer;
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

    /// <summary>Starts recording a run that has not yet stepped past <paramref name="header"/>'s start tick.</summary>
    public static RunRecorder Start(string path, ScenarioRun run, RunHeader header, bool overwrite = false)
        => new(RecordingWriter.Create(path, overwrite), run, header);

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
        var end = new RunEnd(_run.Simulation.Tick - 1, _run.EndReason ?? $"stopped at tick {_run.Simulation.Tick}", [.. _run.Samples], RunEnd.MapData.Of(RunMaps.Capture(_run.Simulation)));
        Queue(RecordKind.End, end.ToBytes);
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

    private void Queue(RecordKind kind, Func<byte[]> payload)
    {
        if (_pump.IsFaulted)
        {
            Drain();
        }
        // Tick records are made now (they are small and read the run); snapshots compress on the pump.
        var made = kind == RecordKind.Snapshot ? payload : Made(payload());
        if (!_work.Writer.TryWrite((kind, made)))
        {
            _work.Writer.WriteAsync((kind, made)).AsTask().GetAwaiter().GetResult();
        }
    }

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
