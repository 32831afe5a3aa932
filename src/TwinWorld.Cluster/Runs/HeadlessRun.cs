using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Cluster.Runs;

/// <summary>
/// Runs a scenario headless to its end, as <c>twin run --headless --summary</c> does, and returns its
/// summary: the same load, seed, limit and evacuation clock, so a silo's run ends in the same state hash.
/// </summary>
public static class HeadlessRun
{
    /// <summary>Throws <see cref="RunFailedException"/> when the scenario does not load here; cancelling stops it between ticks.</summary>
    public static RunSummary Run(RunRequest request, int workers, CancellationToken token)
    {
        var run = new ScenarioRun(request.Source.Load(), workers);
        var evacuation = new EvacuationClock();
        run.RunToEnd(request.Until, _ =>
        {
            token.ThrowIfCancellationRequested();
            evacuation.Observe(run.Simulation.SimulatedTime, run.Simulation.MeasureOutcome().Evacuated);
        });
        return RunSummary.Of(run, evacuation);
    }
}
