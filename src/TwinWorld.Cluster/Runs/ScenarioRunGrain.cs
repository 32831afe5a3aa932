using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace TwinWorld.Cluster.Runs;

/// <summary>
/// Runs one sweep run on this silo when one of its slots is free, on a thread of its own (a run is
/// minutes of CPU, which must hold neither the grain's scheduler nor the pool), and keeps its result until the client
/// has it. Placed on the silo with the fewest activations, so a sweep's runs spread over the silos.
/// </summary>
[ActivationCountBasedPlacement]
internal sealed partial class ScenarioRunGrain(RunSlots slots, ILocalSiloDetails silo, ILogger<ScenarioRunGrain> log) : Grain, IScenarioRunGrain
{
    private readonly CancellationTokenSource _cancel = new();
    private volatile RunStatus _status = new(RunState.Unknown);
    private long _lastAsked = Stopwatch.GetTimestamp();

    /// <summary>This silo as a person finds it: its address and port.</summary>
    private string Where => silo.SiloAddress.Endpoint.ToString();

    public Task Start(RunRequest request)
    {
        if (_status.State != RunState.Unknown)
        {
            return Task.CompletedTask;
        }
        _status = new RunStatus(RunState.Queued, Silo: Where);
        _lastAsked = Stopwatch.GetTimestamp();
        string key = this.GetPrimaryKeyString();
        _ = Task.Run(() => Execute(key, request));
        this.RegisterGrainTimer(CancelIfOrphaned, slots.OrphanAfter, slots.OrphanAfter);
        return Task.CompletedTask;
    }

    public Task<RunStatus> Poll()
    {
        _lastAsked = Stopwatch.GetTimestamp();
        var status = _status;
        if (status.State is RunState.Unknown || status.Ended)
        {
            // Told: nothing left here for anyone.
            DeactivateOnIdle();
        }
        return Task.FromResult(status);
    }

    public Task Cancel()
    {
        _cancel.Cancel();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Going away (told, cancelled, orphaned, silo shutting down): a run still going would be work no one collects.
        _cancel.Cancel();
        return Task.CompletedTask;
    }

    private async Task Execute(string key, RunRequest request)
    {
        try
        {
            await slots.WaitAsync(_cancel.Token);
            try
            {
                _status = _status with { State = RunState.Running };
                LogStarted(log, key, request.ToString());
                // A thread of its own: a run holds one for minutes, and pool threads held that long starve Orleans' own work (polls, probes).
                var summary = await Task.Factory.StartNew(() => HeadlessRun.Run(request, slots.WorkersPerRun, _cancel.Token), _cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                _status = new RunStatus(RunState.Succeeded, SummaryJson: summary.ToJson(), Silo: Where);
                LogFinished(log, key, summary.StateHash);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            _status = new RunStatus(RunState.Failed, Problem: "cancelled", Silo: Where);
            LogCancelled(log, key);
        }
        catch (Exception e)
        {
            // The boundary where a run's crash becomes its result: reported with the run, not retried, and the silo goes on.
            LogRunFailed(log, e, request.ToString());
            _status = new RunStatus(RunState.Failed, Problem: e is RunFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}", Silo: Where);
        }
    }

    private Task CancelIfOrphaned(CancellationToken token)
    {
        if (Stopwatch.GetElapsedTime(_lastAsked) > slots.OrphanAfter)
        {
            LogOrphaned(log, this.GetPrimaryKeyString(), slots.OrphanAfter);
            _cancel.Cancel();
            DeactivateOnIdle();
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Key} ({Run}) started")]
    private static partial void LogStarted(ILogger logger, string key, string run);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Key} finished, final state hash {Hash}")]
    private static partial void LogFinished(ILogger logger, string key, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Key} cancelled")]
    private static partial void LogCancelled(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The run ({Run}) threw")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string run);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {Key}: no client asked about it for {After}; cancelled as orphaned")]
    private static partial void LogOrphaned(ILogger logger, string key, TimeSpan after);
}
