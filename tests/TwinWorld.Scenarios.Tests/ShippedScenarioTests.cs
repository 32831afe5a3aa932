using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Scenarios.Tests;

public class ShippedScenarioTests
{
    public static TheoryData<string> Shipped => [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Shipped"), "*.yaml").Select(f => Path.GetFileName(f))];

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Shipped", name);

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_shipped_scenario_validates_and_runs(string name)
    {
        var load = ScenarioLoader.Load(PathOf(name));
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));

        var run = new ScenarioRun(load.Scenario!, workers: 2);
        run.RunToEnd(TimeSpan.FromSeconds(30));

        Assert.True(run.Ended);
        Assert.True(run.Samples.Count > 0);
        Assert.DoesNotContain(run.Log, entry => entry.Contains("rejected"));
    }

    [Fact]
    public void There_are_at_least_three_shipped_scenarios()
    {
        Assert.True(Shipped.Count >= 3, string.Join(", ", Shipped));
    }

    private static ScenarioRun Run(string name, TimeSpan until, Dictionary<string, string>? overrides = null)
    {
        var load = ScenarioLoader.Load(PathOf(name), overrides);
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        var run = new ScenarioRun(load.Scenario!, workers: 2);
        run.RunToEnd(until);
        return run;
    }

    [Fact]
    public void The_wildfire_reaches_the_town_when_the_wind_turns_east_and_not_when_it_turns_west()
    {
        var east = Run("wildfire-wui.yaml", TimeSpan.FromMinutes(10));
        var west = Run("wildfire-wui.yaml", TimeSpan.FromMinutes(10), new() { ["shift_from"] = "270" });

        Assert.Contains(east.Log, l => l.Contains("trigger 'fire-reaches-the-town' fired"));
        Assert.Contains(east.Log, l => l.Contains("trigger 'fire-threatens-the-town' fired"));
        Assert.True(east.Samples[^1].Outcome.Evacuated > 100, "the town is sent to the beach and goes");
        Assert.DoesNotContain(west.Log, l => l.Contains("fire-reaches-the-town"));
        Assert.DoesNotContain(west.Log, l => l.Contains("fire-threatens-the-town"));
        Assert.True(west.Samples[^1].Outcome.BurnedArea > 1000, "the fire still burns in the hills");
    }

    [Fact]
    public void The_tsunami_floods_the_low_town_after_it_arrives_while_people_reach_the_hills()
    {
        var run = Run("coastal-tsunami.yaml", TimeSpan.FromMinutes(11), new() { ["arrival"] = "6m" });

        var before = run.Samples.Last(s => s.At <= TimeSpan.FromMinutes(6)).Outcome;
        var after = run.Samples[^1].Outcome;
        Assert.Equal(0, before.FloodedArea);
        Assert.True(after.FloodedArea > 10_000, $"flooded {after.FloodedArea} m2");
        Assert.True(after.MaxInundationDepth > 0.5f);
        Assert.True(after.Evacuated > after.Agents / 3, $"{after.Evacuated} of {after.Agents} evacuated");
        Assert.True(run.Samples.Select(s => s.Outcome.Evacuated).SequenceEqual(run.Samples.Select(s => s.Outcome.Evacuated).Order()), "evacuation only grows");
    }

    [Fact]
    public void The_tornado_damages_houses_along_its_track_and_hurts_people_in_the_open()
    {
        var run = Run("tornado-town.yaml", TimeSpan.FromMinutes(3));

        var outcome = run.Samples[^1].Outcome;
        Assert.True(outcome.DamagedBuildingArea > 1000, $"{outcome.DamagedBuildingArea} m2 damaged");
        Assert.InRange(outcome.Injured + outcome.Incapacitated, 1, outcome.Agents / 2);
        Assert.Contains(run.Log, l => l.Contains("trigger 'houses-damaged' fired"));
    }
}
