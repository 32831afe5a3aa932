using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Forecasts;

/// <summary>
/// Forecasts from a live run: "what happens in the next 10 minutes if the wind turns". Any thread
/// asks (<see cref="Forecast"/>); the tick thread, between ticks, copies the live state for each
/// waiting request (<see cref="ServiceBetweenTicks"/>: the only cost the live world pays), and its
/// <see cref="IForecastRunner"/> runs each fork ahead as fast as it can, with the analyst's actions, on a
/// thread of its own here or on a cluster's silo, streaming its outcome back. Nothing a forecast does
/// reaches the live world, and none may cost more than its <see cref="ForecastLimits"/>.
/// </summary>
public sealed class LiveForecasts(IForecastRunner runner)
{
    private readonly ConcurrentQueue<Request> _waiting = new();
    private readonly IForecastRunner _runner = runner;

    private int _running;

    /// <summary>Forecasts that run on threads of this process, within <paramref name="limits"/> (none by default).</summary>
    public LiveForecasts(ForecastLimits? limits = null)
        : this(new LocalForecastRunner(limits ?? ForecastLimits.None))
    {
    }

    /// <summary>Forecasts started so far.</summary>
    public int Started { get; private set; }

    /// <summary>Forecasts computing now, here or elsewhere (any thread may read it).</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>
    /// Runs a copy of the live run <paramref name="ahead"/> from the next tick boundary, after applying
    /// <paramref name="actions"/> (written as in a scenario), and yields its outcome every
    /// <paramref name="every"/> and at the end. Throws <see cref="ForecastException"/> for bad actions and for a
    /// forecast that would pass its limits; cancelling stops it within a tick (before it starts, it costs nothing).
    /// </summary>
    public async IAsyncEnumerable<ForecastSample> Forecast(TimeSpan ahead, IReadOnlyList<string> actions, TimeSpan every, int workers = 1,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        if (ahead <= TimeSpan.Zero || every <= TimeSpan.Zero)
        {
            throw new ForecastException($"A forecast needs a positive time ahead and sample interval (got {ahead} and {every}).");
        }
        var samples = Channel.CreateUnbounded<ForecastSample>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _waiting.Enqueue(new Request(new ForecastAsk(ahead, actions, every, workers), samples.Writer, cancel));
        await foreach (var sample in samples.Reader.ReadAllAsync(cancel))
        {
            yield return sample;
        }
    }

    /// <summary>Call on the tick thread between ticks: starts every waiting forecast from the live run as it is now.</summary>
    public void ServiceBetweenTicks(ScenarioRun live)
    {
        while (_waiting.TryDequeue(out var request))
        {
            if (request.Cancel.IsCancellationRequested)
            {
                continue;
            }
            byte[] state = live.SaveState();
            var scenario = live.Scenario;
            Started++;
            // Off the tick thread at once: where the forecast runs is the runner's affair.
            _ = Task.Run(() => Compute(scenario, state, request));
        }
    }

    private async Task Compute(Scenario scenario, byte[] state, Request request)
    {
        Interlocked.Increment(ref _running);
        try
        {
            await _runner.Run(scenario, state, request.Ask, sample => request.Samples.TryWrite(sample), request.Cancel);
            request.Samples.TryComplete();
        }
        catch (Exception e)
        {
            request.Samples.TryComplete(e);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private sealed record Request(ForecastAsk Ask, ChannelWriter<ForecastSample> Samples, CancellationToken Cancel);
}
