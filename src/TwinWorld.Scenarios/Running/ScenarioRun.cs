using System.Collections.Concurrent;
using TwinWorld.Protocol.V1;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Scenarios.Running;

/// <summary>
/// A scenario applied to a simulation and run tick by tick: the population, cameras and weather at
/// the start, the events timeline and the alert policy as stamped inputs, the triggers evaluated after
/// every tick, the metrics sampled at their interval, and the end. Authors inject actions while it
/// runs (<see cref="Inject(string)"/>), from any thread; they take effect at the next tick.
/// </summary>
public sealed partial class ScenarioRun
{
    private readonly ConditionContext _context;
    private readonly bool[] _triggerDone;
    private readonly bool[] _triggerWas;
    private readonly List<(TimeSpan At, RunOutcome Outcome)> _samples = [];
    private readonly ConcurrentQueue<string> _log = new();
    private readonly long _metricsEvery;
    private long _endAtTick = long.MaxValue;
    private string? _endReason;
    private string? _endActionReason;
    private volatile string? _endRequested;
    private bool _firstHazardAlertHandled;

    public ScenarioRun(Scenario scenario, int workers = 0)
        : this(scenario, workers, populate: true)
    {
        SetupHash = Simulation.ComputeStateHash();
        foreach (var (action, tick) in Timeline(scenario))
        {
            Enqueue(action, tick);
        }
    }

    private ScenarioRun(Scenario scenario, int workers, bool populate)
    {
        Scenario = scenario;
        var options = new SimulationOptions
        {
            Seed = scenario.Seed,
            TickRateHz = scenario.TickRateHz,
            Workers = workers > 0 ? workers : Environment.ProcessorCount,
        };
        Simulation = new Simulation.Simulator(scenario.Site, scenario.WaterCellSize is { } waterCell ? options with { WaterCellSize = waterCell } : options);
        _context = new ConditionContext(Simulation);
        _triggerDone = new bool[scenario.Triggers.Count];
        _triggerWas = new bool[scenario.Triggers.Count];
        _metricsEvery = Math.Max(1, TicksOf(scenario.MetricsInterval));
        Populate(scatter: populate);
    }

    public Scenario Scenario { get; }

    public Simulation.Simulator Simulation { get; }

    /// <summary>The state hash after setup, before the first tick: equal for scenarios that set up the same world.</summary>
    public ulong SetupHash { get; private set; }

    public bool Ended => _endReason is not null;

    /// <summary>Why the run ended (the end time, the end condition, an end action), or null while it runs.</summary>
    public string? EndReason => _endReason;

    /// <summary>The scenario's metrics at every metrics interval (and at the end).</summary>
    public IReadOnlyList<(TimeSpan At, RunOutcome Outcome)> Samples => _samples;

    /// <summary>What happened that an author should know: triggers firing, inputs the world rejected.</summary>
    public IReadOnlyCollection<string> Log => _log;

    /// <summary>Runs one tick (unless the run has ended), then the triggers, metrics and the end check.</summary>
    public TickReport? Step()
    {
        if (Ended)
        {
            return null;
        }
        int hazardsBefore = Simulation.HazardsStarted;
        var report = Simulation.Step();
        foreach (string rejected in report.Rejected)
        {
            _log.Enqueue($"{Format(Simulation.SimulatedTime)} {rejected}");
        }
        if (hazardsBefore == 0 && Simulation.HazardsStarted > 0 && !_firstHazardAlertHandled && Scenario.AlertPolicy is { AfterFirstHazard: { } delay } policy)
        {
            _firstHazardAlertHandled = true;
            AlertAfterFirstHazard(policy, Simulation.Tick + TicksOf(delay));
        }
        EvaluateTriggers();
        if (Simulation.Tick % _metricsEvery == 0)
        {
            _samples.Add((Simulation.SimulatedTime, _context.Outcome));
        }
        CheckEnd();
        return report;
    }

    /// <summary>
    /// Runs until the scenario ends, or until a time limit (measured from the run's start, so a restored run
    /// already at it runs no tick); calls back after each tick.
    /// </summary>
    public void RunToEnd(TimeSpan? limit = null, Action<TickReport>? afterTick = null)
    {
        long stop = limit is { } l ? TicksOf(l) : long.MaxValue;
        while (!Ended)
        {
            if (Simulation.Tick >= stop)
            {
                Finish($"stopped at {Format(Simulation.SimulatedTime)} (the time limit)");
                break;
            }
            var report = Step()!;
            afterTick?.Invoke(report);
        }
    }

    /// <summary>Injects an action written as in a scenario file; returns its errors (none when accepted).</summary>
    public IReadOnlyList<ScenarioError> Inject(string yaml)
    {
        var (action, errors) = ScenarioLoader.ParseAction(yaml, Scenario);
        if (action is not null)
        {
            Inject(action);
        }
        return errors;
    }

    /// <summary>Injects an action to take effect at the next tick (thread-safe).</summary>
    public void Inject(ActionSpec action)
    {
        if (action is EndAction end)
        {
            _endRequested = end.Reason;
            return;
        }
        Simulation.Inputs.Enqueue(action.ToInput(Scenario.Site, Simulation.Tick)!);
    }

    /// <summary>What the scenario schedules before the first tick: cameras and wind at 0, the events, an alert at a fixed time.</summary>
    internal static List<(ActionSpec Action, long Tick)> Timeline(Scenario scenario)
    {
        long TicksOf(TimeSpan time) => Ticks(time, scenario.TickRateHz);
        var timeline = new List<(ActionSpec, long)>();
        timeline.AddRange(scenario.Cameras.Select(camera => ((ActionSpec)new CommandAction(new WorldCommand { Camera = camera }), 0L)));
        timeline.Add((scenario.Wind, 0));
        timeline.AddRange(scenario.Events.Select(timed => (timed.Action, TicksOf(timed.At))));
        if (scenario.AlertPolicy is { At: { } at } policy)
        {
            timeline.Add((policy.Alert(), TicksOf(at)));
        }
        return timeline;
    }

    /// <summary>Registers the groups' own kinds, and places their people unless a snapshot will.</summary>
    private void Populate(bool scatter)
    {
        var profiles = Simulation.Profiles;
        foreach (var group in Scenario.Population)
        {
            if (group.HasOwnKind)
            {
                var profile = profiles[group.BaseKind];
                var own = profile with
                {
                    Name = group.Name,
                    ReactionDelaySeconds = group.ReactionDelaySeconds ?? profile.ReactionDelaySeconds,
                    FreeSpeedMean = Math.Clamp(group.Speed ?? profile.FreeSpeedMean, profile.MinSpeed, profile.MaxSpeed),
                    FollowsAlerts = group.FollowsAlerts ?? profile.FollowsAlerts,
                    Role = group.Role ?? profile.Role,
                };
                var id = profiles.Register(own);
                if (id != group.Kind)
                {
                    throw new InvalidOperationException($"Group '{group.Name}' was numbered kind {(int)group.Kind} but registered as {(int)id}.");
                }
            }
            if (scatter && Simulation.Scatter(group.Count, group.Area.Cells(Scenario.Site), group.Kind) < group.Count)
            {
                _log.Enqueue($"0m00s population '{group.Name}': its area has no walkable ground; no one was placed");
            }
        }
    }

    private void EvaluateTriggers()
    {
        for (int t = 0; t < Scenario.Triggers.Count; t++)
        {
            if (_triggerDone[t])
            {
                continue;
            }
            var trigger = Scenario.Triggers[t];
            bool holds = trigger.AnyOf.Any(group => group.All(condition => condition.IsTrue(_context)));
            bool fires = holds && (trigger.EveryTick || !_triggerWas[t]);
            _triggerWas[t] = holds;
            if (!fires)
            {
                continue;
            }
            _log.Enqueue($"{Format(Simulation.SimulatedTime)} trigger '{trigger.Name}' fired");
            long at = Simulation.Tick + TicksOf(trigger.Delay);
            foreach (var action in trigger.Actions)
            {
                Enqueue(action, at);
            }
            _triggerDone[t] = !trigger.Repeat;
        }
    }

    private void CheckEnd()
    {
        if (_endRequested is { } requested)
        {
            Finish($"ended by an author: {requested}");
        }
        else if (Simulation.Tick >= _endAtTick)
        {
            Finish(_endActionReason ?? "ended");
        }
        else if (Simulation.SimulatedTime >= Scenario.End.After)
        {
            Finish($"reached the end time, {Format(Scenario.End.After)}");
        }
        else if (Scenario.End.When.Any(group => group.All(condition => condition.IsTrue(_context))))
        {
            Finish($"ended when the end condition held, at {Format(Simulation.SimulatedTime)}");
        }
    }

    private void Finish(string reason)
    {
        _endReason = reason;
        if (_samples.Count == 0 || _samples[^1].At != Simulation.SimulatedTime)
        {
            _samples.Add((Simulation.SimulatedTime, _context.Outcome));
        }
    }

    /// <summary>
    /// Whichever comes first: the alert a delay after the first hazard, or the policy's alert at a fixed time (queued
    /// from the start), which the earlier one replaces; one already past or due first stands.
    /// </summary>
    private void AlertAfterFirstHazard(AlertPolicy policy, long due)
    {
        var alert = policy.Alert();
        if (policy.At is { } at)
        {
            long fixedTick = TicksOf(at);
            if (fixedTick <= due)
            {
                return;
            }
            Simulation.Inputs.ReplaceScheduled([alert.ToInput(Scenario.Site, fixedTick)! with { Scheduled = true }], []);
        }
        Enqueue(alert, due);
    }

    /// <summary>Stamps an action's input for a tick; an end action instead ends the run when that tick has run.</summary>
    private void Enqueue(ActionSpec action, long tick)
    {
        if (action is EndAction end)
        {
            if (tick < _endAtTick)
            {
                (_endAtTick, _endActionReason) = (tick, $"ended by an end action: {end.Reason}");
            }
            return;
        }
        Simulation.Inputs.Enqueue(action.ToInput(Scenario.Site, tick)! with { Scheduled = true });
    }

    private long TicksOf(TimeSpan time) => Ticks(time, Scenario.TickRateHz);

    private static long Ticks(TimeSpan time, double tickRateHz) => (long)Math.Round(time.TotalSeconds * tickRateHz);

    private static string Format(TimeSpan time) => Duration.Format(time);
}
