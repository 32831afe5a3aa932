using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Scenarios.Tests;

/// <summary>What a change of parameters still changes from a fork's tick on: what a what-if may refuse as useless must surely be.</summary>
public class ScenarioChangesTests
{
    private const string Yaml = """
        scenario: changes
        parameters:
          wind: {default: 5, min: 0, max: 30}
          shift_at: {default: 20s, min: 0s, max: 10m}
          alert_radius: {default: 100, min: 10, max: 500}
          shelter_radius: {default: 30, min: 5, max: 200}
          warning: {default: 10s, min: 0s, max: 10m}
          delay: {default: 30, min: 0, max: 600}
        map: {procedural: {size: 128, seed: 7}}
        zones:
          - {name: hill, kind: shelter, centre: [200, 128], radius: $shelter_radius}
        population:
          - {name: residents, kind: civilian, count: 20, area: low_ground, reaction_delay: $delay}
        alert_policy: {after_first_hazard: $warning, area: {centre: [128, 128], radius: $alert_radius}, shelter: hill}
        weather:
          wind: {speed: $wind, from: 0}
          changes:
            - {at: $shift_at, speed: $wind, from: 90}
        end: {after: 5m}
        """;

    private static Scenario Bind(params (string Name, string Value)[] values)
    {
        var load = ScenarioLoader.Parse(Yaml, "changes.yaml", values.ToDictionary(v => v.Name, v => v.Value));
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        return load.Scenario!;
    }

    private static readonly Scenario Recorded = Bind();

    /// <summary>At 30 s (tick 600 at 20 Hz): the starting wind and the shift at 20 s are past.</summary>
    private const long Fork = 600;

    [Fact]
    public void The_wind_used_only_at_the_start_and_in_a_past_shift_changes_nothing_ahead()
    {
        var changes = ScenarioChanges.Between(Recorded, Bind(("wind", "15")), Fork);

        Assert.Equal(["the wind at 0m00s", "the wind change at 0m20s"], changes.Before);
        Assert.Empty(changes.Ahead);
    }

    [Fact]
    public void A_shift_moved_past_the_fork_applies_there_and_the_one_it_replaces_is_named_as_dropped()
    {
        var changes = ScenarioChanges.Between(Recorded, Bind(("shift_at", "1m")), Fork);

        Assert.Equal(["the wind change at 0m20s (dropped)"], changes.Before);
        Assert.Equal(["the wind change at 1m00s"], changes.Ahead);
    }

    [Theory]
    [InlineData("alert_radius", "300", "the alert policy")]
    [InlineData("warning", "2m", "the alert policy")]
    [InlineData("shelter_radius", "80", "zone 'hill'")]
    [InlineData("delay", "5", "how group 'residents' reacts to alerts")]
    public void What_acts_later_counts_as_ahead(string parameter, string value, string expected)
    {
        var changes = ScenarioChanges.Between(Recorded, Bind((parameter, value)), Fork);

        Assert.Contains(expected, changes.Ahead);
    }

    [Fact]
    public void The_recorded_values_change_nothing_at_all()
    {
        Assert.True(ScenarioChanges.Between(Recorded, Bind(("wind", "5"), ("alert_radius", "100")), Fork).IsEmpty);
    }
}
