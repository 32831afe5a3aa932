using TwinWorld.Replay.Runs;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Replay.Tests.Runs;

/// <summary>Records short runs of the shipped scenarios, as <c>twin run --record</c> does, for the tests to replay and fork.</summary>
internal static class RecordedRuns
{
    public static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "Shipped", name);

    /// <summary>
    /// Runs a shipped scenario for a while with a snapshot every 30 s, optionally injecting an
    /// author's action partway, and records it to a fresh file; returns the file and the run.
    /// </summary>
    public static (string Path, ScenarioRun Run) Record(string scenario, TimeSpan until, Dictionary<string, string>? overrides = null, (TimeSpan At, string Action)? inject = null, bool finish = true)
    {
        overrides ??= [];
        var load = ScenarioLoader.Load(Shipped(scenario), overrides);
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        var run = new ScenarioRun(load.Scenario!, workers: 2);
        string path = Path.Combine(Directory.CreateTempSubdirectory("twin-rec-").FullName, "run.twrec");
        var header = RunHeader.For(load.Scenario!, overrides, run.SetupHash, snapshotEveryTicks: (long)(30 * load.Scenario!.TickRateHz));
        using var recorder = RunRecorder.Start(path, run, header);
        bool injected = false;
        run.RunToEnd(until, report =>
        {
            recorder.Record(report);
            if (inject is { } i && !injected && run.Simulation.SimulatedTime >= i.At)
            {
                Assert.Empty(run.Inject(i.Action));
                injected = true;
            }
        });
        if (finish)
        {
            recorder.Finish();
        }
        return (path, run);
    }
}
