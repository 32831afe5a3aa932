using TwinWorld.Replay.Reports;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Tests.Reports;

/// <summary>
/// Two short real runs of the shipped tsunami scenario, the waves coming in at once: the baseline and
/// a what-if with higher waves (its name has markup in it, to be shown as text). A fire lit in the
/// hills at the start gives both fire maps too. Outcomes are sampled every 10 s (the scenario's own
/// interval, 2 minutes, is longer than these runs).
/// </summary>
public sealed class ShortTsunamiRuns
{
    public const string WhatIfName = "waves 10 m <b>higher</b> & \"sooner\"";

    public ShortTsunamiRuns()
    {
        Runs = [Run("baseline", new() { ["arrival"] = "0s" }), Run(WhatIfName, new() { ["arrival"] = "0s", ["wave_height"] = "10" })];
    }

    public IReadOnlyList<ReportRun> Runs { get; }

    private static ReportRun Run(string name, Dictionary<string, string> overrides)
    {
        var load = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Shipped", "coastal-tsunami.yaml"), overrides);
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        var run = new ScenarioRun(load.Scenario!, workers: 2);
        Assert.Empty(run.Inject("fire: {at: [752, 520], radius: 8}"));
        var samples = new List<(TimeSpan, RunOutcome)>();
        long every = (long)(10 * run.Simulation.TickRateHz);
        run.RunToEnd(TimeSpan.FromSeconds(70), _ =>
        {
            if (run.Simulation.Tick % every == 0)
            {
                samples.Add((run.Simulation.SimulatedTime, run.Simulation.MeasureOutcome()));
            }
        });
        return new ReportRun(name, ReportRun.DescribeParameters(run.Scenario), samples, RunMaps.Capture(run.Simulation));
    }
}
