using System.Diagnostics;
using TwinWorld.Cluster.Runs;

namespace TwinWorld.Cluster.Sweeps;

/// <summary>
/// Runs a sweep's runs on the cluster, each on a grain of its own (placed on the silo with the fewest),
/// polled until it ends. A poll that finds its grain empty means the silo holding it was lost: the run
/// starts again elsewhere, at most <see cref="MaxLosses"/> times. A run that fails is a result, never
/// retried. Cancelling cancels the runs still going; runs whose client is gone without cancelling
/// them are cancelled by their silos (<see cref="RunSlots.OrphanAfter"/>).
/// </summary>
public sealed class ClusterSweep(IGrainFactory grains)
{
    /// <summary>Silos lost under one run before it is given up: by then the run, not the silos, is the likelier cause.</summary>
    public const int MaxLosses = 3;

    /// <summary>How long a run goes on with the cluster not answering about it before it is given up.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    /// <summary>Between polls: short against a run's minutes, long against a call's milliseconds.</summary>
    public TimeSpan PollEvery { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Runs them all, at most <paramref name="parallel"/> on the cluster at once (the rest wait here);
    /// <paramref name="finished"/> hears of each as it ends (its index and result), one at a time.
    /// Returns the results by index, null for runs that did not end before cancellation.
    /// </summary>
    public async Task<ClusterRunResult?[]> RunAsync(IReadOnlyList<RunRequest> runs, int parallel, Action<int, ClusterRunResult> finished, CancellationToken token)
    {
        // Keys unique to this sweep, so two sweeps (or one run twice) never share a grain.
        string sweep = Guid.NewGuid().ToString("N");
        var results = new ClusterRunResult?[runs.Count];
        var gate = new Lock();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = token };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, runs.Count), options, async (i, cancel) =>
            {
                var result = await RunOne(grains.GetGrain<IScenarioRunGrain>($"{sweep}/{i}"), runs[i], cancel);
                lock (gate)
                {
                    results[i] = result;
                    finished(i, result);
                }
            });
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped: the runs that ended are the sweep's results so far; the others were cancelled on their silos.
        }
        return results;
    }

    private async Task<ClusterRunResult> RunOne(IScenarioRunGrain grain, RunRequest request, CancellationToken token)
    {
        int starts = 0;
        var status = new RunStatus(RunState.Unknown);
        var answered = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                try
                {
                    if (status.State == RunState.Unknown)
                    {
                        if (starts == MaxLosses)
                        {
                            return new ClusterRunResult(null, $"lost with its silo {MaxLosses} times; not started again", status.Silo, starts);
                        }
                        await grain.Start(request);
                        starts++;
                    }
                    await Task.Delay(PollEvery, token);
                    status = await grain.Poll();
                    answered.Restart();
                    if (status.Ended)
                    {
                        return new ClusterRunResult(status.SummaryJson, status.Problem, status.Silo, starts);
                    }
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    // Its silo is gone or unreachable: once the cluster declares it dead, the next call finds the grain empty on another silo.
                    if (answered.Elapsed > GiveUpAfter)
                    {
                        return new ClusterRunResult(null, $"the cluster did not answer about it for {GiveUpAfter.TotalMinutes:F0} minutes: {e.Message}", status.Silo, starts);
                    }
                    await Task.Delay(PollEvery, token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            await CancelQuietly(grain);
            throw;
        }
    }

    private static async Task CancelQuietly(IScenarioRunGrain grain)
    {
        try
        {
            await grain.Cancel().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // Unreachable now: its silo cancels it when no one has asked about it for a while (RunSlots.OrphanAfter).
        }
    }
}
