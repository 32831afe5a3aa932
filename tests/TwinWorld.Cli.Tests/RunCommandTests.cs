using System.Text.Json;
using System.Text.RegularExpressions;

namespace TwinWorld.Cli.Tests;

public class RunCommandTests
{
    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "Shipped", name);

    [Fact]
    public void A_shipped_scenario_runs_headless_with_progress_metrics_and_an_outcome()
    {
        var (exitCode, output, errors) = Twin.Run("run", Shipped("coastal-tsunami.yaml"), "--headless", "--until", "3m", "--set", "arrival=1m", "--set", "warning_delay=0s", "--profile");

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("Scenario 'coastal-tsunami'", output);
        Assert.Contains("arrival = 1m (default 8m)", output);
        Assert.Contains("simulating: 100%", output);
        Assert.Contains("Metrics", output);
        Assert.Matches(@"Outcome: 5,000 agents, [\d,]+ evacuated", output);
        Assert.Contains("The run stopped at 3m00s (the time limit)", output);
        Assert.Contains("Time per part over 3,600 ticks", output);
        foreach (string part in (string[])["water", "act", "state hash", "the rest"])
        {
            Assert.Matches($@"│ {part}\s+│\s+[\d.]+\s+│\s+[\d.]+\s+│\s+\d+ %", output);
        }
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public void A_broken_scenario_exits_2_with_every_error_at_its_line()
    {
        string broken = Path.Combine(AppContext.BaseDirectory, "Broken", "misspelled-top-key.yaml");

        var (exitCode, output, errors) = Twin.Run("run", broken, "--headless");

        Assert.Equal(2, exitCode);
        Assert.Matches(@"misspelled-top-key\.yaml:5:1: unknown key 'popualtion' in the scenario \(did you mean 'population'\?\)", errors);
        Assert.Contains("error(s); the scenario did not run.", errors);
        Assert.DoesNotContain("Metrics", output);
    }

    [Theory]
    [InlineData("--set", "wave_hieght=3", "the scenario has no parameter 'wave_hieght' (did you mean 'wave_height'?)")]
    [InlineData("--set", "wave_height=99", "--set wave_height=99: the value 99 is outside the range 1 to 15")]
    [InlineData("--set", "nonsense", "--set nonsense: write it as name=value")]
    public void Bad_overrides_exit_2_with_a_clear_message(string option, string value, string expected)
    {
        var (exitCode, _, errors) = Twin.Run("run", Shipped("coastal-tsunami.yaml"), "--headless", option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, errors);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_a_crash()
    {
        var (exitCode, _, errors) = Twin.Run("run", "no-such-scenario.yaml", "--headless");

        Assert.Equal(2, exitCode);
        Assert.Contains("no-such-scenario.yaml: no such file", errors);
        Assert.DoesNotContain(":1:1", errors);
    }

    [Fact]
    public void Without_headless_an_author_types_actions_that_take_effect_live()
    {
        // The scenario's own fire starts at 20 s: by 15 s only the live one can have burned anything.
        const string typed = "fire: {at: [752, 520], radius: 20, name: live-fire}\nfire: {at: [752, 520], radius: huge}\n";

        var (exitCode, output, errors) = Twin.RunWithInput(typed, "run", Shipped("wildfire-wui.yaml"), "--speed", "20", "--until", "15s");

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("accepted: fire: {at: [752, 520], radius: 20, name: live-fire}", output);
        Assert.Contains("live:1:32: fire radius must be a number (got 'huge')", output);
        Assert.Contains("The run stopped at 0m15s (the time limit)", output);
        var burned = Regex.Match(output, @"burned ([\d.]+) ha");
        Assert.True(burned.Success && double.Parse(burned.Groups[1].Value) > 0, output);
    }

    [Fact]
    public void Seed_overrides_the_scenarios_seed_and_summary_writes_the_outcome_and_samples_as_json()
    {
        string smallFire = Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-fire.yaml");
        string file = Path.Combine(Path.GetTempPath(), $"twin-summary-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output, errors) = Twin.Run("run", smallFire, "--headless", "--until", "1m", "--seed", "5", "--set", "wind_speed=12", "--summary", file);

            Assert.True(exitCode == 0, errors + output);
            Assert.Contains("seed 5;", output);
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            Assert.Equal(1, root.GetProperty("format").GetInt32());
            Assert.Equal("small-fire", root.GetProperty("scenario").GetString());
            Assert.Equal(5UL, root.GetProperty("seed").GetUInt64());
            Assert.Equal("12", root.GetProperty("parameters").GetProperty("wind_speed").GetString());
            Assert.Equal("stopped at 1m00s (the time limit)", root.GetProperty("end_reason").GetString());
            Assert.Equal(Regex.Match(output, "final state hash ([0-9A-F]{16})").Groups[1].Value, root.GetProperty("state_hash").GetString());
            // Samples every 30 s (the scenario's metrics_interval); the outcome is the last of them.
            var samples = root.GetProperty("samples").EnumerateArray().ToList();
            Assert.Equal([30.0, 60.0], samples.Select(s => s.GetProperty("time_s").GetDouble()));
            var outcome = root.GetProperty("outcome");
            Assert.True(JsonElement.DeepEquals(samples[^1], outcome), outcome.GetRawText());
            Assert.Equal(150, outcome.GetProperty("agents").GetInt32());
            int evacuated = outcome.GetProperty("evacuated").GetInt32();
            Assert.Matches($@"Outcome: 150 agents, {evacuated} evacuated", output);
            Assert.True(outcome.GetProperty("burned_area_m2").GetDouble() > 0, outcome.GetRawText());
            // Everyone is alerted at once, so by a minute some have reached shelter, and 95% of them
            // had by a time within the run.
            Assert.True(evacuated > 0, outcome.GetRawText());
            double evacuationTime = root.GetProperty("evacuation_time_s").GetDouble();
            Assert.InRange(evacuationTime, 0.05, 60);

            var (_, otherSeed, _) = Twin.Run("run", smallFire, "--headless", "--until", "1m", "--seed", "6", "--set", "wind_speed=12");
            Assert.NotEqual(root.GetProperty("state_hash").GetString(), Regex.Match(otherSeed, "final state hash ([0-9A-F]{16})").Groups[1].Value);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
