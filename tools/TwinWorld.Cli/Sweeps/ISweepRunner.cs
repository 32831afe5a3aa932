namespace TwinWorld.Cli.Sweeps;

/// <summary>Where a sweep's runs run: child processes on this machine (<see cref="SweepRunner"/>) or a cluster's silos (<see cref="ClusterSweepRunner"/>).</summary>
internal interface ISweepRunner
{
    /// <summary>
    /// Runs them all (or until cancelled); <paramref name="finished"/> hears of each run as it ends,
    /// from any thread, one at a time. Returns the results of the runs that ended, in plan order.
    /// </summary>
    Task<IReadOnlyList<RunResult>> RunAsync(IReadOnlyList<SweepRun> runs, Action<RunResult> finished, CancellationToken token);
}
