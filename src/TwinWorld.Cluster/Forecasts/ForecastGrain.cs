using Microsoft.Extensions.Logging;
using Orleans.Placement;
using TwinWorld.Cluster.Runs;
using TwinWorld.Replay.Forecasts;

namespace TwinWorld.Cluster.Forecasts;

/// <summary>
/// Runs one live forecast on this silo through <see cref="ForecastRun"/>, as the server would run it itself,
/// on a thread of its own, and keeps its samples until the server has polled them. Forecasts do not wait for
/// a run slot: they are interactive, and the servers' quotas (<c>Forecasts:MaxRunning</c>) bound how many come.
/// Placed on the silo with the fewest activations.
/// </summary>
[ActivationCountBasedPlacement]
internal sealed partial class ForecastGrain(RunSlots slots, ILocalSiloDetails silo, ILogger<ForecastGrain> log) : WatchedWorkGrain(slots, log), IForecastGrain
{
    private readonly Lock _gate = new();
    private readonly List<ForecastSample> _samples = [];
    private RunState _state = RunState.Unknown;
    private string? _problem;
    private bool _retryable;

    protected override string What => "Forecast";

    private string Where => silo.SiloAddress.Endpoint.ToString();

    public Task Start(ForecastJob job)
    {
        lock (_gate)
        {
            if (_state != RunState.Unknown)
            {
                return Task.CompletedTask;
            }
            _state = RunState.Running;
        }
        string key = this.GetPrimaryKeyString();
        // A thread of its own: a forecast holds one for seconds to minutes, which must hold neither the grain's scheduler nor the pool.
        _ = Task.Factory.StartNew(() => Execute(key, job), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        WatchClient();
        return Task.CompletedTask;
    }

    public Task<ForecastProgress> Poll(int from)
    {
        Asked();
        ForecastProgress progress;
        lock (_gate)
        {
            progress = new ForecastProgress(_state, [.. _samples.Skip(from)], _problem, _retryable, Where);
        }
        if (progress.State is RunState.Unknown || progress.Ended)
        {
            // Told: nothing left here for anyone.
            DeactivateOnIdle();
        }
        return Task.FromResult(progress);
    }

    private void Execute(string key, ForecastJob job)
    {
        try
        {
            LogStarted(Log, key, job.Ahead.TotalSeconds, job.Actions.Count);
            ForecastRun.Run(job.Source.Load(), job.State, job.Ask, job.Limits, Add, Cancelled);
            End(RunState.Succeeded, null, retryable: false);
            LogFinished(Log, key, _samples.Count);
        }
        catch (Exception e) when (e is ForecastException or RunFailedException)
        {
            // The forecast's own error (bad actions, past a limit, a scenario that does not load here): the analyst's answer.
            End(RunState.Failed, e.Message, e is ForecastException { Retryable: true });
        }
        catch (Exception e)
        {
            // The boundary where a forecast's crash becomes its answer; the silo goes on.
            LogFailed(Log, e, key);
            End(RunState.Failed, $"the forecast failed on silo {Where}: {e.Message}", retryable: false);
        }
    }

    private void Add(ForecastSample sample)
    {
        lock (_gate)
        {
            _samples.Add(sample);
        }
    }

    private void End(RunState state, string? problem, bool retryable)
    {
        lock (_gate)
        {
            (_state, _problem, _retryable) = Cancelled.IsCancellationRequested ? (RunState.Failed, "cancelled", false) : (state, problem, retryable);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast {Key} ({Ahead} s ahead, {Actions} actions) started")]
    private static partial void LogStarted(ILogger logger, string key, double ahead, int actions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast {Key} finished: {Samples} samples")]
    private static partial void LogFinished(ILogger logger, string key, int samples);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forecast {Key} threw")]
    private static partial void LogFailed(ILogger logger, Exception exception, string key);
}
