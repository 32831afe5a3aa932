using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Replay.Forecasts;

/// <summary>
/// Forecasts from a live run: "what happens in the next 10 minutes if the wind turns". Any thread
/// asks (<see cref="Forecast"/>); the tick thread, between ticks, copies the live state for each
/// waiting request (<see cref="ServiceBetweenTicks"/>: the only cost the live world pays), and each
/// fork runs ahead on its own thread as fast as it can, with the analyst's actions, streaming its
/// outcome back. Nothing a forecast does reaches the live world, and none may cost more than its
/// <see cref="ForecastLimits"/>.
/// </summary>
public sealed class LiveForecasts(ForecastLimits? limits = null)
{
    /// <summary>How often (in ticks) a running forecast looks at the process's heap: often enough to stop within a second.</summary>
    private const int HeapCheckTicks = 20;

    private readonly ConcurrentQueue<Request> _waiting = new();
    private readonly ForecastLimits _limits = limits ?? ForecastLimits.None;

    private int _running;

    /// <summary>Forecasts started so far.</summary>
    public int Started { get; private set; }

    /// <summary>Forecasts whose threads are computing now (any thread may read it).</summary>
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
            if (request.Cancel.IsCancellationRequested)
            {
                continue;
            }
            byte[] state = live.SaveState();
            var scenario = live.Scenario;
            Started++;
            // Its own thread, not the pool's: a forecast runs for seconds to minutes.
            _ = Task.Factory.StartNew(() => RunAhead(scenario, state, request), TaskCreationOptions.LongRunning);
        }
    }

    private void RunAhead(Scenario scenario, byte[] state, Request request)
    {
        Interlocked.Increment(ref _running);
        try
        {
            var clock = new ThreadClock();
            var actions = Parse(scenario, request.Actions);
            var fork = ScenarioRun.Restore(scenario, state, request.Workers);
            CheckAgents(fork, actions);
            foreach (var action in actions)
            {
                fork.Inject(action);
            }
            var simulation = fork.Simulation;
            long start = simulation.Tick;
            long stop = start + Ticks(request.Ahead, simulation.TickRateHz);
            long every = Math.Max(1, Ticks(request.Every, simulation.TickRateHz));
            while (simulation.Tick < stop && !fork.Ended && !request.Cancel.IsCancellationRequested)
            {
                CheckCost(clock, simulation.Tick - start, simulation.SimulatedTime);
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
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static List<ActionSpec> Parse(Scenario scenario, IReadOnlyList<string> texts)
    {
        var parsed = texts.Select(text => ScenarioLoader.ParseAction(text, scenario)).ToList();
        var errors = parsed.SelectMany(p => p.Errors).ToList();
        if (errors.Count > 0)
        {
            throw new ForecastException(string.Join(Environment.NewLine, errors));
        }
        return parsed.Select(p => p.Action!).ToList();
    }

    /// <summary>Refuses, before the first tick, actions that would spawn more people than the limit allows.</summary>
    private void CheckAgents(ScenarioRun fork, List<ActionSpec> actions)
    {
        long spawned = actions.OfType<CommandAction>().Where(a => a.Command.Spawn is not null).Sum(a => (long)a.Command.Spawn.Count);
        if (spawned == 0)
        {
            return;
        }
        long total = fork.Simulation.MeasureOutcome().Agents + spawned;
        if (total > _limits.MaxAgents)
        {
            throw new ForecastException(string.Create(CultureInfo.InvariantCulture,
                $"the forecast would hold {total:N0} people ({spawned:N0} spawned by its actions); a forecast may hold at most {_limits.MaxAgents:N0}"));
        }
    }

    /// <summary>Stops a forecast that has used its processor time, or any while the heap is past its limit.</summary>
    private void CheckCost(ThreadClock clock, long ticksRun, TimeSpan at)
    {
        var used = clock.Elapsed;
        if (used > _limits.MaxProcessorTime)
        {
            throw new ForecastException(string.Create(CultureInfo.InvariantCulture,
                $"the forecast used its {_limits.MaxProcessorTime.TotalSeconds:0.#} s of processor time after {at.TotalSeconds:0} s of simulated time; ask for less time ahead or fewer people"));
        }
        if (ticksRun % HeapCheckTicks == 0 && GC.GetTotalMemory(forceFullCollection: false) is var heap && heap > _limits.MaxHeapBytes)
        {
            throw new ForecastException(string.Create(CultureInfo.InvariantCulture,
                $"the forecast was stopped: the server's memory ({heap >> 20:N0} MB) is past what forecasts may use ({_limits.MaxHeapBytes >> 20:N0} MB)"), retryable: true);
        }
    }

    private static long Ticks(TimeSpan time, double tickRateHz) => (long)Math.Round(time.TotalSeconds * tickRateHz);

    private sealed record Request(TimeSpan Ahead, IReadOnlyList<string> Actions, TimeSpan Every, int Workers, ChannelWriter<ForecastSample> Samples, CancellationToken Cancel);
}
