using System.Globalization;
using System.Text.Json;
using TwinWorld.Cluster.Runs;

namespace TwinWorld.Cli.Sweeps;

/// <summary>
/// Runs a sweep's runs as child <c>twin run</c> processes, a few at a time, each writing its summary
/// as JSON. A run that fails is a result like any other, so the sweep goes on. On cancellation no
/// more runs start and the running children are killed.
/// </summary>
/// <param name="childArgs">A run's command line: <c>run file --headless ...</c> without the seed and summary, which come from the run.</param>
internal sealed class SweepRunner(Func<SweepRun, IReadOnlyList<string>> childArgs, int parallel) : ISweepRunner
{
    public async Task<IReadOnlyList<RunResult>> RunAsync(IReadOnlyList<SweepRun> runs, Action<RunResult> finished, CancellationToken token)
    {
        var results = new RunResult?[runs.Count];
        var gate = new Lock();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = token };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, runs.Count), options, async (i, cancel) =>
            {
                var result = await RunOne(runs[i], cancel);
                lock (gate)
                {
                    results[i] = result;
                    finished(result);
                }
            });
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped: the runs that ended are the sweep's results so far.
        }
        return [.. results.OfType<RunResult>()];
    }

    private async Task<RunResult> RunOne(SweepRun run, CancellationToken token)
    {
        string[] args = [.. childArgs(run), "--seed", run.Seed.ToString(CultureInfo.InvariantCulture), "--summary", run.SummaryPath];
        var (exitCode, errorTail) = await TwinProcess.RunAsync(args, token);
        if (exitCode != 0)
        {
            return new RunResult(run, exitCode, null, errorTail);
        }
        try
        {
            return new RunResult(run, exitCode, RunSummary.Read(run.SummaryPath), errorTail);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new RunResult(run, exitCode, null, [.. errorTail, $"the run succeeded but its summary could not be read: {e.Message}"]);
        }
    }
}
