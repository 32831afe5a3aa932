using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Replay.Forecasts;

/// <summary>
/// Forecasts from a live run: "what happens in the next 10 minutes if the wind turns". Any thread
/// asks (<see cref="Forecast"/>); the tick thread, between ticks, copies the live state for each
/// waiting request (<see cref="ServiceBetweenTicks"/>: the only cost the live world pays), and each
/// fork runs ahead on its own thread as fast as it can, with the analyst's actions, streaming its
/// outcome back. Nothing a forecast does reaches the live world.
/// </summary>
public sealed class LiveForecasts
{
    private readonly ConcurrentQueue<Request> _waiting = new();

    /// <summary>Forecasts started so far.</summary>
    public int Started { get; private set; }

    /// <summary>
    /// Runs a copy of the live run <paramref name="ahead"/> from the next tick boundary, after applying
    /// <paramref name="actions"/> (written as in a scenario), and yields its outcome every
    /// <paramref name="every"/> and at the end. Throws <see cref="ForecastException"/> for bad actions.
    /// </summary>
    public async IAsyncEnumerable<ForecastSample> Forecast(TimeSpan ahead, IReadOnlyList<string> actions, TimeSpan every, int workers = 1,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        if (ahead <= TimeSpan.Zero || every <= TimeSpan.Zero)
        {
            throw new ForecastException($"A forecast needs a positive time ahead and sample interval (got {ahead} and {every}).");
        }
        var samples = Channel.CreateUnbounded<ForecastSample>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _waiting.Enqueue(new Request(ahead, actions, every, workers, samples.Writer, cancel));
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
            byte[] state = live.SaveState();
            var scenario = live.Scenario;
            Started++;
            _ = Task.Run(() => RunAhead(scenario, state, request));
        }
    }

    private static void RunAhead(Scenarios.Model.Scenario scenario, byte[] state, Request request)
    {
        try
        {
            var fork = ScenarioRun.Restore(scenario, state, request.Workers);
            var errors = request.Actions.SelectMany(fork.Inject).ToList();
            if (errors.Count > 0)
            {
                throw new ForecastException(string.Join(Environment.NewLine, errors));
            }
            var simulation = fork.Simulation;
            long start = simulation.Tick;
            long stop = start + Ticks(request.Ahead, simulation.TickRateHz);
            long every = Math.Max(1, Ticks(request.Every, simulation.TickRateHz));
            while (simulation.Tick < stop && !fork.Ended && !request.Cancel.IsCancellationRequested)
            {
                fork.Step();
                if ((simulation.Tick - start) % every == 0 || simulation.Tick == stop || fork.Ended)
                {
                    request.Samples.TryWrite(new ForecastSample(simulation.SimulatedTime, simulation.MeasureOutcome()));
                }
            }
            request.Samples.TryComplete();
        }
        catch (Exception e)
        {
            request.Samples.TryComplete(e);
        }
    }

    private static long Ticks(TimeSpan time, double tickRateHz) => (long)Math.Round(time.TotalSeconds * tickRateHz);

    private sealed record Request(TimeSpan Ahead, IReadOnlyList<string> Actions, TimeSpan Every, int Workers, ChannelWriter<ForecastSample> Samples, CancellationToken Cancel);
}
