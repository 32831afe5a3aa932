using System.Globalization;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Forecasts;

/// <summary>
/// One forecast computed on the calling thread: the saved run restored, the analyst's actions applied, then
/// stepped ahead, sampled as it goes, within its <see cref="ForecastLimits"/>. The same wherever it runs (in
/// the live process or on a silo), so the same state and ask give the same samples, state hashes included.
/// </summary>
public static class ForecastRun
{
    /// <summary>How often (in ticks) a running forecast looks at the process's heap: often enough to stop within a second.</summary>
    private const int HeapCheckTicks = 20;

    /// <summary>
    /// Throws <see cref="ForecastException"/> for bad actions and for a forecast that would pass its limits;
    /// cancelling stops it between ticks (it then returns, having sampled what it reached).
    /// </summary>
    public static void Run(Scenario scenario, byte[] state, ForecastAsk ask, ForecastLimits limits, Action<ForecastSample> sample, CancellationToken cancel)
    {
        var clock = new ThreadClock();
        var actions = Parse(scenario, ask.Actions);
        var fork = ScenarioRun.Restore(scenario, state, ask.Workers);
        CheckAgents(fork, actions, limits);
        foreach (var action in actions)
        {
            fork.Inject(action);
        }
        var simulation = fork.Simulation;
        long start = simulation.Tick;
        long stop = start + Ticks(ask.Ahead, simulation.TickRateHz);
        long every = Math.Max(1, Ticks(ask.Every, simulation.TickRateHz));
        while (simulation.Tick < stop && !fork.Ended && !cancel.IsCancellationRequested)
        {
            CheckCost(clock, limits, simulation.Tick - start, simulation.SimulatedTime);
            fork.Step();
            if ((simulation.Tick - start) % every == 0 || simulation.Tick == stop || fork.Ended)
            {
                sample(new ForecastSample(simulation.SimulatedTime, simulation.MeasureOutcome(), simulation.StateHash));
            }
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
    private static void CheckAgents(ScenarioRun fork, List<ActionSpec> actions, ForecastLimits limits)
    {
        long spawned = actions.OfType<CommandAction>().Where(a => a.Command.Spawn is not null).Sum(a => (long)a.Command.Spawn.Count);
        if (spawned == 0)
        {
            return;
        }
        long total = fork.Simulation.MeasureOutcome().Agents + spawned;
        if (total > limits.MaxAgents)
        {
            throw new ForecastException(string.Create(CultureInfo.InvariantCulture,
                $"the forecast would hold {total:N0} people ({spawned:N0} spawned by its actions); a forecast may hold at most {limits.MaxAgents:N0}"));
        }
    }

    /// <summary>Stops a forecast that has used its processor time, or any while the heap is past its limit.</summary>
    private static void CheckCost(ThreadClock clock, ForecastLimits limits, long ticksRun, TimeSpan at)
    {
        var used = clock.Elapsed;
        if (used > limits.MaxProcessorTime)
        {
            throw new ForecastException(string.Create(CultureInfo.InvariantCulture,
                $"the forecast used its {limits.MaxProcessorTime.TotalSeconds:0.#} s of processor time after {at.TotalSeconds:0} s of simulated time; ask for less time ahead or fewer people"));
        }
        if (ticksRun % HeapCheckTicks == 0 && GC.GetTotalMemory(forceFullCollection: false) is var heap && heap > limits.MaxHeapBytes)
        {
            throw new ForecastException(string.Create(CultureInfo.InvariantCulture,
                $"the forecast was stopped: the server's memory ({heap >> 20:N0} MB) is past what forecasts may use ({limits.MaxHeapBytes >> 20:N0} MB)"), retryable: true);
        }
    }

    private static long Ticks(TimeSpan time, double tickRateHz) => (long)Math.Round(time.TotalSeconds * tickRateHz);
}
