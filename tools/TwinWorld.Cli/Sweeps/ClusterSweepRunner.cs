using Spectre.Console;
using TwinWorld.Cluster.Runs;
using TwinWorld.Cluster.Sweeps;

namespace TwinWorld.Cli.Sweeps;

/// <summary>
/// Runs a sweep's runs on the cluster's silos, at most <paramref name="parallel"/> at once, and writes
/// each run's summary as the silo sent it, so the run files are those a local sweep writes. A run that
/// failed on the cluster has exit code 1 and the silo's reason as its error output; one whose silo was
/// lost under it, and which ended on another, is told as it ends.
/// </summary>
/// <param name="request">A run as a silo needs it (scenario text, parameter values, seed, limit).</param>
internal sealed class ClusterSweepRunner(ClusterSweep sweep, Func<SweepRun, RunRequest> request, int parallel) : ISweepRunner
{
    public async Task<IReadOnlyList<RunResult>> RunAsync(IReadOnlyList<SweepRun> runs, Action<RunResult> finished, CancellationToken token)
    {
        var ended = new RunResult?[runs.Count];
        await sweep.RunAsync([.. runs.Select(request)], parallel, (i, result) => finished(ended[i] = Written(runs[i], result)), token);
        return [.. ended.OfType<RunResult>()];
    }

    private static RunResult Written(SweepRun run, ClusterRunResult result)
    {
        if (result.Starts > 1)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"{run} ({run.Variant}) was started {result.Starts} times: the silo running it was lost; it ended on {result.Silo}."));
        }
        if (result.SummaryJson is { } json)
        {
            try
            {
                File.WriteAllText(run.SummaryPath, json);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new RunResult(run, 1, null, [$"the run succeeded on {result.Silo} but its summary could not be written: {e.Message}"]);
            }
        }
        return Result(run, result);
    }

    private static RunResult Result(SweepRun run, ClusterRunResult result) => result.Summary is { } summary
        ? new RunResult(run, 0, summary, [])
        : new RunResult(run, 1, null, [$"on silo {result.Silo ?? "unknown"}: {result.Problem}"]);
}
