using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Runs;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Forks;

/// <summary>
/// A what-if: a recorded run, replayed (and checked) up to a tick, then carried on under changed
/// parameters and with extra actions. The world at the fork point is the recorded one; from there
/// the changed scenario's timeline, triggers and end apply. Changes to the setup (population, map,
/// seed) cannot apply mid-run, so they are refused unless the fork is at tick 0; so is a parameter
/// whose every use lies before the fork (the starting wind, a weather change already past), which
/// would otherwise change nothing without a word.
/// </summary>
public sealed class WhatIfFork
{
    private WhatIfFork(Replayer baseline, ScenarioRun run, long atTick, ScenarioChanges changes)
    {
        Baseline = baseline;
        Run = run;
        AtTick = atTick;
        Changes = changes;
    }

    /// <summary>The recorded run, replayed to the fork point; replay it on for the baseline's future.</summary>
    public Replayer Baseline { get; }

    /// <summary>The fork, at the fork point, ready to run.</summary>
    public ScenarioRun Run { get; }

    public long AtTick { get; }

    /// <summary>What the changed parameters change from the fork on (the actions aside).</summary>
    public ScenarioChanges Changes { get; }

    /// <summary>
    /// Forks the replayer's recording at a tick with parameter overrides and actions (written as in a scenario
    /// file); the replayer is left at the fork point, as <see cref="Baseline"/>.
    /// </summary>
    public static WhatIfFork Create(Replayer baseline, long atTick, IReadOnlyDictionary<string, string> overrides, IReadOnlyList<string> actions, int workers = 0, Action<long>? progress = null)
    {
        var recording = baseline.Recording;
        if (atTick < recording.FirstTick || atTick > recording.LastTick + 1)
        {
            throw new WhatIfException($"The recording holds ticks {recording.FirstTick} to {recording.LastTick}; a fork at tick {atTick} is outside it.");
        }
        var load = recording.Header.LoadScenario(overrides);
        if (load.Scenario is not { } changed)
        {
            throw new WhatIfException(string.Join(Environment.NewLine, load.Errors.Select(e => e.ToString())));
        }
        var run = atTick == 0 ? new ScenarioRun(changed, workers) : ForkAt(baseline, changed, overrides, atTick, workers, progress);
        if (run.EndReason is { } ended)
        {
            throw new WhatIfException($"At tick {atTick} the recorded run had already ended ({ended}): a fork there has nothing to run.");
        }
        var problems = actions.SelectMany(action => run.Inject(action)).ToList();
        if (problems.Count > 0)
        {
            throw new WhatIfException(string.Join(Environment.NewLine, problems.Select(e => e.ToString())));
        }
        return new WhatIfFork(baseline, run, atTick, ScenarioChanges.Between(baseline.Scenario, changed, atTick));
    }

    /// <summary>Each override on its own must change something from the fork on (the setup being the same).</summary>
    private static void RefuseChangesThatComeTooLate(Replayer baseline, IReadOnlyDictionary<string, string> overrides, long atTick)
    {
        string at = Duration.Format(TimeSpan.FromSeconds(atTick / baseline.Scenario.TickRateHz));
        var problems = new List<string>();
        foreach (var (name, value) in overrides)
        {
            // A value valid only beside another override (a tornado's wind above its changed speed) cannot be judged alone.
            if (baseline.Recording.Header.LoadScenario(new Dictionary<string, string> { [name] = value }).Scenario is not { } alone)
            {
                continue;
            }
            var changes = ScenarioChanges.Between(baseline.Scenario, alone, atTick);
            if (changes.IsEmpty)
            {
                problems.Add($"--set {name}={value} changes nothing: the recorded run has that already.");
            }
            else if (changes.Ahead.Count == 0)
            {
                problems.Add($"--set {name}={value} changes nothing from {at} on: it changes only {string.Join(", ", changes.Before)}, before the fork.");
            }
        }
        if (problems.Count > 0)
        {
            problems.Add("A fork keeps the recorded world up to its tick. Fork earlier (--at 0 runs the whole scenario with the change), or act at the fork with --do, an action as in a scenario's events (e.g. --do \"wind: {speed: 25, from: 90}\").");
            throw new WhatIfException(string.Join(Environment.NewLine, problems));
        }
    }

    private static ScenarioRun ForkAt(Replayer baseline, Scenario changed, IReadOnlyDictionary<string, string> overrides, long atTick, int workers, Action<long>? progress)
    {
        if (new ScenarioRun(changed, workers).SetupHash != baseline.Recording.Header.SetupHash)
        {
            throw new WhatIfException($"These changes alter the world's setup (its population, map or seed), which a fork at {Duration.Format(TimeSpan.FromSeconds(atTick / changed.TickRateHz))} cannot change; fork at 0 to run them from the start.");
        }
        RefuseChangesThatComeTooLate(baseline, overrides, atTick);
        var result = baseline.ReplayTo(atTick, seek: true, progress);
        if (result.Divergence is { } divergence)
        {
            throw new WhatIfException($"The recording does not replay on this build up to the fork point: it {divergence}.");
        }
        if (result.ReachedTick < atTick)
        {
            throw new WhatIfException($"The recording is damaged before the fork point, with no snapshot between the damage and tick {atTick:N0} to start again from: {result.Skipped[^1]}.");
        }
        return ScenarioRun.Restore(changed, baseline.Run!.SaveState(), workers, savedWith: baseline.Scenario);
    }
}
