using System.Runtime.ExceptionServices;
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
/// or before the target, checked against the recorded hash; a whole replay can run the pieces between
/// snapshots side by side. Where damage took tick records (<see cref="RunRecording.Gaps"/>), their inputs cannot be
/// fed back: a replay stops checking at the first lost tick and starts again from the next snapshot after the
/// damage, checked against its own hash; the ticks between go unverified and the result lists the stretches skipped.
/// </summary>
public sealed class Replayer
{
    /// <summary>How many pieces <see cref="ReplayAll"/> makes a lane at most: enough to even out the lanes' loads.</summary>
    public const int PiecesPerLane = 4;

    private readonly RunRecording _recording;
    private readonly int _workers;
    private readonly HashSet<long> _snapshotTicks;
    private readonly RunGap[] _lossy;

    public Replayer(RunRecording recording, int workers = 0)
    {
        _recording = recording;
        _workers = workers;
        _snapshotTicks = [.. recording.Snapshots.Select(s => s.Tick)];
        _lossy = [.. recording.Gaps.Where(g => g.TicksLost > 0)];
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
    /// on from where the last one stopped. At ticks damage took, it starts again from the snapshot after
    /// them; with none before the stop, it stops there (<see cref="ReplayResult.ReachedTick"/> short of the stop).
    /// Progress is called after each tick.
    /// </summary>
    public ReplayResult ReplayTo(long stopTick, bool seek = false, Action<long>? progress = null, CancellationToken cancel = default)
    {
        long target = Math.Min(stopTick, _recording.LastTick + 1);
        if (Run is null || Run.Simulation.Tick > target)
        {
            (Run, var wrongStart) = Begin(seek ? target : _recording.FirstTick, _workers);
            if (wrongStart is not null)
            {
                return new ReplayResult(Run.Simulation.Tick, 0, Run.Simulation.Tick, wrongStart, []);
            }
        }
        long start = Run!.Simulation.Tick;
        long verified = 0;
        var skipped = new List<RunGap>();
        while (true)
        {
            long from = Run.Simulation.Tick;
            var divergence = Verify(Run, StretchEnd(from, target), progress is null ? null : simulation => progress(simulation.Tick - 1), () => cancel.IsCancellationRequested);
            long reached = divergence?.Tick ?? Run.Simulation.Tick;
            verified += reached - from;
            if (divergence is not null || reached >= target || cancel.IsCancellationRequested)
            {
                return new ReplayResult(start, verified, reached, divergence, skipped);
            }
            long resume = LostAt(reached).ResumeTick ?? long.MaxValue;
            skipped.AddRange(_lossy.Where(g => g.LastTickLost >= reached && g.FirstTickLost < Math.Min(resume, target) && !skipped.Contains(g)));
            if (resume > target)
            {
                return new ReplayResult(start, verified, reached, null, skipped);
            }
            (Run, var wrongResume) = Begin(resume, _workers);
            if (wrongResume is not null)
            {
                return new ReplayResult(start, verified, resume, wrongResume, skipped);
            }
        }
    }

    /// <summary>
    /// Replays the whole recording from its start, checking every tick as <see cref="ReplayTo"/> does,
    /// in pieces run side by side on <paramref name="lanes"/> threads: the first from the setup, each
    /// other from a snapshot (at most <see cref="PiecesPerLane"/> a lane, the snapshots spread evenly)
    /// to where the next begins. Each piece checks that its snapshot holds the state hash recorded
    /// there, which the piece before it reaches by re-simulating, so together they check the run
    /// from setup to end. Returns the earliest
    /// divergence; <see cref="Run"/> is left at the end. Progress gets the ticks checked so far and
    /// the simulation that ran the last of them, one call at a time.
    /// </summary>
    public ReplayResult ReplayAll(int lanes, Action<long, Simulation.Simulator>? progress = null, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        long end = _recording.LastTick + 1;
        // After damage the replay must start again from the snapshot after it; other snapshots are optional starts.
        long[] resumes = [.. _lossy.Select(g => g.ResumeTick).OfType<long>().Distinct()];
        long[] snapshots = [.. _recording.Snapshots.Select(s => s.Tick).Where(t => t > _recording.FirstTick && t < end && !resumes.Contains(t) && !_lossy.Any(g => g.FirstTickLost <= t && t <= g.LastTickLost)).Distinct().Order()];
        // Each piece pays for restoring its snapshot, so there are at most PiecesPerLane a lane, from snapshots spread evenly.
        int pieces = Math.Min(snapshots.Length + 1, Math.Max(1, (PiecesPerLane * lanes) - resumes.Length));
        long[] starts = [.. new[] { _recording.FirstTick }.Concat(resumes).Concat(Enumerable.Range(1, pieces - 1).Select(p => snapshots[(p * (snapshots.Length + 1) / pieces) - 1])).Order()];
        var runs = new ScenarioRun?[starts.Length];
        var checkedTicks = new long[starts.Length];
        var divergences = new Divergence?[starts.Length];
        var failures = new ReplayException?[starts.Length];
        var gate = new object();
        long verified = 0;
        int firstDiverged = int.MaxValue;
        int workers = Math.Max(1, (_workers > 0 ? _workers : Environment.ProcessorCount) / lanes);
        int next = -1;
        // Each lane takes the next piece in order; a divergence stops only the pieces after it, since one
        // before it may still find an earlier one.
        void Lane()
        {
            for (int piece = Interlocked.Increment(ref next); piece < starts.Length; piece = Interlocked.Increment(ref next))
            {
                RunPiece(piece);
            }
        }
        void RunPiece(int piece)
        {
            bool Stopped() => cancel.IsCancellationRequested || Volatile.Read(ref firstDiverged) < piece;
            if (Stopped())
            {
                return;
            }
            try
            {
                var (run, wrongStart) = Begin(starts[piece], workers);
                runs[piece] = run;
                divergences[piece] = wrongStart ?? Verify(run, StretchEnd(starts[piece], piece + 1 < starts.Length ? starts[piece + 1] : end), simulation =>
                {
                    lock (gate)
                    {
                        progress?.Invoke(++verified, simulation);
                    }
                }, Stopped);
                checkedTicks[piece] = (divergences[piece]?.Tick ?? run.Simulation.Tick) - starts[piece];
            }
            catch (ReplayException e)
            {
                // A snapshot that does not fit this build: it counts only if no earlier piece diverged.
                failures[piece] = e;
            }
            if (divergences[piece] is not null || failures[piece] is not null)
            {
                InterlockedMin(ref firstDiverged, piece);
            }
            else if (piece + 1 < starts.Length)
            {
                runs[piece] = null; // checked: only the last run is kept
            }
        }
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = lanes }, [.. Enumerable.Repeat(Lane, Math.Min(lanes, starts.Length))]);
        if (firstDiverged < starts.Length && failures[firstDiverged] is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
        // The piece that diverged first, else the last one run (cancelled early, perhaps none).
        int last = firstDiverged < starts.Length ? firstDiverged : Array.FindLastIndex(runs, r => r is not null);
        Run = last >= 0 ? runs[last] : null;
        var divergence = last >= 0 ? divergences[last] : null;
        long reached = divergence?.Tick ?? Run?.Simulation.Tick ?? _recording.FirstTick;
        return new ReplayResult(_recording.FirstTick, checkedTicks.Take(last + 1).Sum(), reached, divergence, [.. _lossy.Where(g => g.FirstTickLost <= reached)]);
    }

    /// <summary>Where checking from <paramref name="from"/> must stop: <paramref name="end"/>, or before the first tick damage took.</summary>
    private long StretchEnd(long from, long end) => _lossy.Where(g => g.LastTickLost >= from).Select(g => Math.Max(g.FirstTickLost, from)).Append(end).Min();

    /// <summary>The damaged stretch that took the record of <paramref name="tick"/>.</summary>
    private RunGap LostAt(long tick) => _lossy.First(g => g.FirstTickLost <= tick && tick <= g.LastTickLost);

    private static void InterlockedMin(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value < seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }

    /// <summary>
    /// Steps a run up to the target tick, checking each tick against the recording, and at each snapshot the
    /// saved world byte for byte (so what the hash does not cover, such as the flood maps, is checked too, and
    /// a fork or seek from a snapshot starts from what the run really held); the first divergence, or null.
    /// </summary>
    private Divergence? Verify(ScenarioRun run, long target, Action<Simulation.Simulator>? ticked, Func<bool> stopped)
    {
        while (run.Simulation.Tick < target && !stopped())
        {
            long tick = run.Simulation.Tick;
            var record = _recording.TickAt(tick)!;
            string? inputs = FeedInputs(run.Simulation.Inputs, tick, record);
            var report = run.Step();
            if (report is null)
            {
                return new Divergence(tick, run.Simulation.SimulatedTime, record.StateHash, 0, [], $"the replay ended ({run.EndReason}) but the recording goes on to tick {_recording.LastTick}");
            }
            if (report.StateHash != record.StateHash || inputs is not null)
            {
                return Diverged(run.Simulation, record, report.StateHash, inputs);
            }
            if (_snapshotTicks.Contains(run.Simulation.Tick) && SnapshotDiffers(run) is { } different)
            {
                return different;
            }
            ticked?.Invoke(run.Simulation);
        }
        return null;
    }

    /// <summary>The snapshot taken where the run now stands, if it holds another world than the run saves.</summary>
    private Divergence? SnapshotDiffers(ScenarioRun run)
    {
        long tick = run.Simulation.Tick;
        (long Tick, ulong StateHash, byte[] State)? snapshot;
        lock (_recording)
        {
            snapshot = _recording.SnapshotAtOrBefore(tick);
        }
        // A snapshot starts with the world's saved state; the inputs queued ahead and the scenario's bookkeeping follow.
        byte[] world = run.Simulation.SaveWorldState();
        if (snapshot is not { } saved || saved.Tick != tick || saved.State.AsSpan().StartsWith(world))
        {
            return null;
        }
        ulong hash = run.Simulation.StateHash;
        return new Divergence(tick - 1, run.Simulation.SimulatedTime, hash, hash, [],
            $"the snapshot taken after it holds another state than the replay has there, in what the state hash does not cover (the flood maps, say): a damaged file, or a part of the state that is not deterministic");
    }

    /// <summary>A run set up at the latest snapshot at or before the target, or at the start; a wrong starting state is a divergence.</summary>
    private (ScenarioRun Run, Divergence? Wrong) Begin(long target, int workers)
    {
        var header = _recording.Header;
        (long Tick, ulong StateHash, byte[] State)? snapshot;
        lock (_recording)
        {
            snapshot = _recording.SnapshotAtOrBefore(target);
        }
        if (snapshot is { } saved && (saved.Tick > 0 || header.StartTick > 0))
        {
            ScenarioRun run;
            try
            {
                run = ScenarioRun.Restore(Scenario, saved.State, workers);
            }
            catch (InvalidDataException e)
            {
                throw new ReplayException($"The snapshot at tick {saved.Tick} does not fit this build or scenario: {e.Message}");
            }
            ulong expected = _recording.TickAt(saved.Tick - 1)?.StateHash ?? saved.StateHash;
            return (run, run.Simulation.StateHash == expected ? null
                : new Divergence(saved.Tick, run.Simulation.SimulatedTime, expected, run.Simulation.StateHash, [], "the snapshot does not hold the recorded state"));
        }
        if (header.StartTick > 0)
        {
            throw new ReplayException($"The recording starts at tick {header.StartTick} (a fork) but has no snapshot to start from.");
        }
        var fresh = new ScenarioRun(Scenario, workers);
        return (fresh, fresh.SetupHash == header.SetupHash ? null
            : new Divergence(0, TimeSpan.Zero, header.SetupHash, fresh.SetupHash, [],
                header.BuildId == RunHeader.CurrentBuild
                    ? "the setup differs: a terrain file the scenario imports has changed"
                    : $"the setup differs: the recording was made by build {header.BuildId}, this is {RunHeader.CurrentBuild}"));
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

    private Divergence Diverged(Simulation.Simulator simulation, TickRecord record, ulong actual, string? inputs)
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
