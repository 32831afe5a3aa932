using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Reports;
using TwinWorld.Replay.Runs;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Comparisons;

/// <summary>
/// A recorded run as a report shows it: from its end record, or, for a recording cut short or a comparison that stops
/// earlier, by replaying it (checked) to where it is wanted.
/// </summary>
public static class RecordedOutcome
{
    /// <summary>
    /// The replayer's recording as a report run, to its end or to <paramref name="untilTick"/> if that comes first (so a
    /// what-if stopped early is compared at the same moment); a replayer already part-way (a what-if's baseline) goes on
    /// from where it is.
    /// </summary>
    public static ReportRun Of(Replayer replayer, string name, Action<long>? progress = null, long untilTick = long.MaxValue)
    {
        var recording = replayer.Recording;
        string parameters = ReportRun.DescribeParameters(replayer.Scenario);
        if (untilTick > recording.LastTick && recording.End is { Samples.Count: > 0 } end)
        {
            return new ReportRun(name, parameters, end.Samples, end.Maps?.On(replayer.Scenario.Site.Terrain));
        }
        var result = replayer.ReplayTo(untilTick, seek: false, progress);
        if (result.Divergence is { } divergence)
        {
            throw new ReplayException($"Replaying {recording.Path} to read its outcome{(recording.End is null ? " (it has no end record)" : "")} failed: it {divergence}.");
        }
        if (result.ReachedTick < Math.Min(untilTick, recording.LastTick + 1))
        {
            throw new ReplayException($"Replaying {recording.Path} to read its outcome stopped at tick {result.ReachedTick:N0}: {result.Skipped[^1]}.");
        }
        // Stopped before the run's end, so it never took its final sample: take one where it stopped.
        var run = replayer.Run!;
        var samples = run.Samples.ToList();
        if (samples.Count == 0 || samples[^1].At < run.Simulation.SimulatedTime)
        {
            samples.Add((run.Simulation.SimulatedTime, run.Simulation.MeasureOutcome()));
        }
        return new ReportRun(name, parameters, samples, RunMaps.Capture(run.Simulation));
    }
}
