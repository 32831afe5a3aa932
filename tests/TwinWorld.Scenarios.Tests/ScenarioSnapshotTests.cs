using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Scenarios.Tests;

/// <summary>
/// A run saved between ticks and restored carries on bit for bit: the basis of seeking in
/// recordings, what-if forks and live forecasts. Each shipped scenario is saved while its hazard is
/// active (water moving, fire spreading, tornado on the ground) and with an author's action waiting.
/// </summary>
public class ScenarioSnapshotTests
{
    private static Scenario Load(string name, Dictionary<string, string>? overrides = null)
    {
        var load = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Shipped", name), overrides);
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        return load.Scenario!;
    }

    private static void StepTo(ScenarioRun run, TimeSpan at)
    {
        while (run.Simulation.SimulatedTime < at)
        {
            run.Step();
        }
    }

    [Theory]
    [InlineData("coastal-tsunami.yaml", "arrival", "0s", 90)]
    [InlineData("wildfire-wui.yaml", "shift_at", "4m", 150)]
    [InlineData("tornado-town.yaml", "speed", "20", 100)]
    public void A_restored_run_carries_on_with_the_same_hash_at_every_tick(string name, string parameter, string value, int saveAtSeconds)
    {
        var scenario = Load(name, new() { [parameter] = value });
        var original = new ScenarioRun(scenario, workers: 2);
        StepTo(original, TimeSpan.FromSeconds(saveAtSeconds));
        Assert.Empty(original.Inject("fire: {at: [600, 300], radius: 5, name: late-fire}"));
        byte[] saved = original.SaveState();

        // Fewer workers, and through the what-if path with an unchanged scenario: neither may matter.
        var restored = ScenarioRun.Restore(scenario, saved, workers: 1);
        var forked = ScenarioRun.Restore(Load(name, new() { [parameter] = value }), saved, workers: 1, savedWith: scenario);

        Assert.Equal(saved, restored.SaveState());
        for (int tick = 0; tick < 150; tick++)
        {
            ulong expected = original.Step()!.StateHash;
            Assert.Equal(expected, restored.Step()!.StateHash);
            Assert.Equal(expected, forked.Step()!.StateHash);
        }
        Assert.Equal(original.SaveState(), restored.SaveState());
        Assert.Equal(original.Samples, restored.Samples);
        Assert.Equal(original.Log, restored.Log);
    }

    [Fact]
    public void A_what_if_fork_before_a_changed_event_matches_a_run_that_had_the_change_from_the_start()
    {
        var baseline = Load("wildfire-wui.yaml");
        var original = new ScenarioRun(baseline, workers: 2);
        StepTo(original, TimeSpan.FromMinutes(3));

        // The wind shift (at 4 min) comes from the west instead: the fork must be that run exactly.
        var westerly = Load("wildfire-wui.yaml", new() { ["shift_from"] = "270" });
        var fork = ScenarioRun.Restore(westerly, original.SaveState(), workers: 2, savedWith: baseline);
        var fresh = new ScenarioRun(Load("wildfire-wui.yaml", new() { ["shift_from"] = "270" }), workers: 2);
        StepTo(fresh, TimeSpan.FromMinutes(3));
        Assert.Equal(fresh.Simulation.StateHash, fork.Simulation.StateHash);

        StepTo(original, TimeSpan.FromMinutes(6));
        StepTo(fork, TimeSpan.FromMinutes(6));
        StepTo(fresh, TimeSpan.FromMinutes(6));

        Assert.Equal(fresh.Simulation.StateHash, fork.Simulation.StateHash);
        Assert.NotEqual(original.Simulation.StateHash, fork.Simulation.StateHash);
        Assert.NotEqual(original.Simulation.MeasureOutcome().BurnedArea, fork.Simulation.MeasureOutcome().BurnedArea);
    }

    [Fact]
    public void State_from_another_scenario_is_refused_with_a_reason()
    {
        var tornado = new ScenarioRun(Load("tornado-town.yaml"), workers: 2);
        tornado.Step();

        var error = Assert.Throws<InvalidDataException>(() => ScenarioRun.Restore(Load("wildfire-wui.yaml"), tornado.SaveState()));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
