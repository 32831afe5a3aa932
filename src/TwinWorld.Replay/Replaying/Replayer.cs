using TwinWorld.Replay.Runs;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Replay.Replaying;

/// <summary>
/// Re-simulates a recording and checks it tick by tick. The scenario schedules its own inputs again
/// (a difference from the recording is a divergence); authors' and players' inputs are fed back from
/// the recording at their ticks, in their recorded order. Seeking starts from the latest snapshot at
/// or before the target, checked against the recorded hash.
/// </summary>
public sealed class Replayer
{
    private readonly RunRecording _recording;
    private readonly int _workers;

    public Replayer(RunRecording recording, int workers = 0)
    {
        _recording = recording;
        _workers = workers;
        var load = recording.Header.LoadScenario();
        Scenario = load.Scenario ?? throw new ReplayException($"The recorded scenario ({recording.Header.ScenarioPath}) no longer loads:{Environment.NewLine}{string.Join(Environment.NewLine, load.Errors)}");
    }

    public RunRecording Recording => _recording;

    /// <summary>The scenario as recorded (text, overrides and seed from the header).</summary>
    public Scenario Scenario { get; }

    /// <summary>The run being replayed, positioned where the last call left it (null before the first).</summary>
    public ScenarioRun? Run { get; private set; }

    /// <summary>
    /// Replays until <paramref name="stopTick"/> ticks have run (at most to the end of the recording),
    /// checking every tick, and stops at the first divergence. From the start of the recording, or
    /// with <paramref name="seek"/> from the latest snapshot at or before the stop; a later call goes
    /// on from where the last one stopped. Progress is called after each tick.
    /// </summary>
    public ReplayResult ReplayTo(long stopTick, bool seek = false, Action<long>? progress = null, CancellationToken cancel = default)
    {
        long target = Math.Min(stopTick, _recording.LastTick + 1);
        if (Run is null || Run.Simulation.Tick > target)
        {
            if (Start(seek ? target : _recording.FirstTick) is { } wrongStart)
            {
                return new ReplayResult(Run?.Simulation.Tick ?? 0, 0, Run?.Simulation.Tick ?? 0, wrongStart);
            }
        }
        var run = Run!;
        long start = run.Simulation.Tick;
        while (run.Simulation.Tick < target && !cancel.IsCancellationRequested)
        {
            long tick = run.Simulation.Tick;
            var record = _recording.TickAt(tick)!;
            string? inputs = FeedInputs(run.Simulation.Inputs, tick, record);
            var report = run.Step();
            if (report is null)
            {
                return new ReplayResult(start, tick - start, tick, new Divergence(tick, run.Simulation.SimulatedTime, record.StateHash, 0, [], $"the replay ended ({run.EndReason}) but the recording goes on to tick {_recording.LastTick}"));
            }
            if (report.StateHash != record.StateHash || inputs is not null)
            {
                return new ReplayResult(start, tick - start, tick, Diverged(run.Simulation, record, report.StateHash, inputs));
            }
            progress?.Invoke(tick);
        }
        return new ReplayResult(start, run.Simulation.Tick - start, run.Simulation.Tick, null);
    }

    /// <summary>Sets up the run at the latest snapshot at or before the target, or at the start; a wrong starting state is a divergence.</summary>
    private Divergence? Start(long target)
    {
        var header = _recording.Header;
        var snapshot = _recording.SnapshotAtOrBefore(target);
        if (snapshot is { } saved && (saved.Tick > 0 || header.StartTick > 0))
        {
            try
            {
                Run = ScenarioRun.Restore(Scenario, saved.State, _workers);
            }
            catch (InvalidDataException e)
            {
                throw new ReplayException($"The snapshot at tick {saved.Tick} does not fit this build or scenario: {e.Message}");
            }
            ulong expected = _recording.TickAt(saved.Tick - 1)?.StateHash ?? saved.StateHash;
            return Run.Simulation.StateHash == expected ? null
                : new Divergence(saved.Tick, Run.Simulation.SimulatedTime, expected, Run.Simulation.StateHash, [], "the snapshot does not hold the recorded state");
        }
        if (header.StartTick > 0)
        {
            throw new ReplayException($"The recording starts at tick {header.StartTick} (a fork) but has no snapshot to start from.");
        }
        Run = new ScenarioRun(Scenario, _workers);
        return Run.SetupHash == header.SetupHash ? null
            : new Divergence(0, TimeSpan.Zero, header.SetupHash, Run.SetupHash, [],
                header.BuildId == RunHeader.CurrentBuild
                    ? "the setup differs: a terrain file the scenario imports has changed"
                    : $"the setup differs: the recording was made by build {header.BuildId}, this is {RunHeader.CurrentBuild}");
    }

    /// <summary>
    /// Takes what the scenario scheduled for this tick, checks it against the recording, and queues
    /// the recorded inputs in their recorded order. Returns how the scheduled inputs differ, or null.
    /// </summary>
    private static string? FeedInputs(InputQueue queue, long tick, TickRecord record)
    {
        var scheduled = queue.TakeDue(tick).Where(i => i.Scheduled).ToList();
        var recorded = record.Inputs.Where(i => i.Scheduled).ToList();
        foreach (var input in record.Inputs)
        {
            queue.Enqueue(input);
        }
        var missing = recorded.ToList();
        var extra = scheduled.Where(input => !missing.Remove(input)).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return null;
        }
        return $"the scenario scheduled {(extra.Count == 0 ? "nothing new" : string.Join(", ", extra))} where the recording has {(missing.Count == 0 ? "nothing more" : string.Join(", ", missing))} (triggers or the timeline behaved differently)";
    }

    private Divergence Diverged(Simulation.Simulation simulation, TickRecord record, ulong actual, string? inputs)
    {
        var names = _recording.Header.HashParts;
        var now = simulation.StateHashPartValues;
        var parts = new List<StateHashPart>();
        for (int p = 0; p < Math.Min(record.Parts.Length, now.Count); p++)
        {
            if (record.Parts[p] != now[p])
            {
                parts.Add(StateHashParts.All.FirstOrDefault(part => part.Name == names[p]) ?? new StateHashPart(names[p], "unknown"));
            }
        }
        return new Divergence(record.Tick, TimeSpan.FromSeconds((record.Tick + 1) / simulation.TickRateHz), record.StateHash, actual, parts, inputs);
    }
}
