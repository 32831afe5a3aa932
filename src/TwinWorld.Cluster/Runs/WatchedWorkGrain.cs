using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TwinWorld.Cluster.Runs;

/// <summary>
/// A grain whose work (a sweep's run, a live forecast) runs on a thread of its own while its client polls it.
/// The work is cancelled when the client cancels it, when the grain goes away, and when no client has asked
/// about it for <see cref="RunSlots.OrphanAfter"/> (a client killed or cut off), so no work is left that no one collects.
/// </summary>
internal abstract partial class WatchedWorkGrain(RunSlots slots, ILogger log) : Grain
{
    private readonly CancellationTokenSource _cancel = new();
    private long _lastAsked = Stopwatch.GetTimestamp();

    /// <summary>This silo's slots and orphan time.</summary>
    protected RunSlots Slots { get; } = slots;

    protected ILogger Log { get; } = log;

    /// <summary>What the work is, for the log ("Run", "Forecast").</summary>
    protected abstract string What { get; }

    /// <summary>Cancelled with the work.</summary>
    protected CancellationToken Cancelled => _cancel.Token;

    /// <summary>Stops the work between ticks and lets the grain go.</summary>
    public Task Cancel()
    {
        _cancel.Cancel();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Going away (told, cancelled, orphaned, silo shutting down): work still going would be work no one collects.
        _cancel.Cancel();
        return Task.CompletedTask;
    }

    /// <summary>Call when the work starts: from then on, a client silent for longer than the orphan time cancels it.</summary>
    protected void WatchClient()
    {
        Asked();
        this.RegisterGrainTimer(CancelIfOrphaned, Slots.OrphanAfter, Slots.OrphanAfter);
    }

    /// <summary>Call on every poll.</summary>
    protected void Asked() => _lastAsked = Stopwatch.GetTimestamp();

    private Task CancelIfOrphaned(CancellationToken token)
    {
        if (Stopwatch.GetElapsedTime(_lastAsked) > Slots.OrphanAfter)
        {
            LogOrphaned(Log, What, this.GetPrimaryKeyString(), Slots.OrphanAfter);
            _cancel.Cancel();
            DeactivateOnIdle();
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} {Key}: no client asked about it for {After}; cancelled as orphaned")]
    private static partial void LogOrphaned(ILogger logger, string what, string key, TimeSpan after);
}
