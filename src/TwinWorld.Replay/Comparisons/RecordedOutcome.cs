using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Reports;
using TwinWorld.Replay.Runs;

namespace TwinWorld.Replay.Comparisons;

/// <summary>A recorded run as a report shows it: from its end record, or, for a recording cut short, by replaying it (checked) to its last tick.</summary>
public static class RecordedOutcome
{
    /// <summary>The replayer's recording as a report run; a replayer already part-way (a what-if's baseline) goes on from where it is.</summary>
    public static ReportRun Of(Replayer replayer, string name, Action<long>? progress = null)
    {
        var recording = replayer.Recording;
        string parameters = ReportRun.DescribeParameters(replayer.Scenario);
        if (recording.End is { Samples.Count: > 0 } end)
        {
            return new ReportRun(name, parameters, end.Samples, end.Maps?.On(replayer.Scenario.Site.Terrain));
        }
        var result = replayer.ReplayTo(long.MaxValue, seek: false, progress);
        if (result.Divergence is { } divergence)
        {
            throw new ReplayException($"{recording.Path} has no end record, and replaying it to its last tick failed: it {divergence}.");
        }
        // Cut short, so the run never took its final sample: take one where the recording stops.
        var run = replayer.Run!;
        var samples = run.Samples.ToList();
        if (samples.Count == 0 || samples[^1].At < run.Simulation.SimulatedTime)
        {
            samples.Add((run.Simulation.SimulatedTime, run.Simulation.MeasureOutcome()));
        }
        return new ReportRun(name, parameters, samples, RunMaps.Capture(run.Simulation));
    }
}
