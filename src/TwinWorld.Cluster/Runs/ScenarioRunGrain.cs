using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace TwinWorld.Cluster.Runs;

/// <summary>
/// Runs one sweep run on this silo when one of its slots is free, on a thread of its own (a run is
/// minutes of CPU, which must hold neither the grain's scheduler nor the pool), and keeps its result until the client
/// has it. Placed on the silo with the fewest activations, so a sweep's runs spread over the silos.
/// </summary>
[ActivationCountBasedPlacement]
internal sealed partial class ScenarioRunGrain(RunSlots slots, ILocalSiloDetails silo, ILogger<ScenarioRunGrain> log) : WatchedWorkGrain(slots, log), IScenarioRunGrain
{
    private volatile RunStatus _status = new(RunState.Unknown);

    protected override string What => "Run";

    /// <summary>This silo as a person finds it: its address and port.</summary>
    private string Where => silo.SiloAddress.Endpoint.ToString();

    public Task Start(RunRequest request)
    {
        if (_status.State != RunState.Unknown)
        {
            return Task.CompletedTask;
        }
        _status = new RunStatus(RunState.Queued, Silo: Where);
        string key = this.GetPrimaryKeyString();
        _ = Task.Run(() => Execute(key, request));
        WatchClient();
        return Task.CompletedTask;
    }

    public Task<RunStatus> Poll()
    {
        Asked();
        var status = _status;
        if (status.State is RunState.Unknown || status.Ended)
        {
            // Told: nothing left here for anyone.
            DeactivateOnIdle();
        }
        return Task.FromResult(status);
    }

    private async Task Execute(string key, RunRequest request)
    {
        try
        {
            await Slots.WaitAsync(Cancelled);
            try
            {
                _status = _status with { State = RunState.Running };
                LogStarted(Log, key, request.ToString());
                // A thread of its own: a run holds one for minutes, and pool threads held that long starve Orleans' own work (polls, probes).
                var summary = await Task.Factory.StartNew(() => HeadlessRun.Run(request, Slots.WorkersPerRun, Cancelled), Cancelled, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                _status = new RunStatus(RunState.Succeeded, SummaryJson: summary.ToJson(), Silo: Where);
                LogFinished(Log, key, summary.StateHash);
            }
            finally
            {
                Slots.Release();
            }
        }
        catch (OperationCanceledException) when (Cancelled.IsCancellationRequested)
        {
            _status = new RunStatus(RunState.Failed, Problem: "cancelled", Silo: Where);
            LogCancelled(Log, key);
        }
        catch (Exception e)
        {
            // The boundary where a run's crash becomes its result: reported with the run, not retried, and the silo goes on.
            LogRunFailed(Log, e, request.ToString());
            _status = new RunStatus(RunState.Failed, Problem: e is RunFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}", Silo: Where);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Key} ({Run}) started")]
    private static partial void LogStarted(ILogger logger, string key, string run);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Key} finished, final state hash {Hash}")]
    private static partial void LogFinished(ILogger logger, string key, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Key} cancelled")]
    private static partial void LogCancelled(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The run ({Run}) threw")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string run);
}
