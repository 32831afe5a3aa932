using System.Text.RegularExpressions;

namespace TwinWorld.Cli.Tests;

public class TownCommandTests
{
    [Fact]
    public void A_headless_town_run_shows_agents_reaching_shelters()
    {
        var (exitCode, output, errors) = Twin.Run("town", "--agents", "400", "--size", "160", "--alert-after", "5s", "--until", "4m");

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("simulating: 100%", output);
        Assert.Contains("sheltered", output);
        var sheltered = Regex.Match(output, @"Evacuated: ([\d,]+) of 400");
        Assert.True(sheltered.Success, output);
        Assert.True(int.Parse(sheltered.Groups[1].Value.Replace(",", "")) > 100, output);
        Assert.Matches(@"Ticks: 4,800, mean [\d.]+ ms, p99 [\d.]+ ms; [\d.]+x real time", output);
        Assert.Matches(@"Mean per system: wind [\d.]+ ms, water [\d.]+ ms, fire [\d.]+ ms, danger [\d.]+ ms, sense [\d.]+ ms, think [\d.]+ ms, act [\d.]+ ms, harm [\d.]+ ms, cameras [\d.]+ ms", output);
        Assert.Contains("Flooded 0.00 ha (deepest 0.00 m); burned 0.00 ha", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public void A_tsunami_and_a_fire_flood_and_burn_the_town_and_people_flee_them()
    {
        var (exitCode, output, errors) = Twin.Run("town", "--agents", "1000", "--size", "192", "--alert-after", "10m",
            "--tsunami-at", "0s", "--fire-at", "0s", "--wind-speed", "8", "--until", "3m");

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("Events: alert at 10m00s, tsunami at 0m00s, fire at 0m00s; wind 8 m/s from 90 degrees.", output);
        var summary = Regex.Match(output, @"Flooded ([\d.]+) ha \(deepest ([\d.]+) m\); burned ([\d.]+) ha");
        Assert.True(summary.Success, output);
        Assert.True(double.Parse(summary.Groups[1].Value) > 0.5, "the tsunami floods land: " + summary.Value);
        Assert.True(double.Parse(summary.Groups[2].Value) > 0.5, "standing water on land: " + summary.Value);
        Assert.True(double.Parse(summary.Groups[3].Value) > 0.05, "the fire spreads: " + summary.Value);
        // No alert goes out before the end: everyone in a shelter went because of what they saw.
        var evacuated = Regex.Match(output, @"Evacuated: ([\d,]+) of 1,000");
        Assert.True(evacuated.Success && int.Parse(evacuated.Groups[1].Value.Replace(",", "")) > 0, output);
    }

    [Fact]
    public void The_same_seed_gives_the_same_final_state_and_another_seed_does_not()
    {
        string Hash(string seed) => Regex.Match(Twin.Run("town", "--agents", "100", "--size", "128", "--until", "20s", "--seed", seed).Output, "state hash ([0-9A-F]{16})").Groups[1].Value;

        Assert.Equal(Hash("3"), Hash("3"));
        Assert.NotEqual(Hash("3"), Hash("4"));
    }

    [Theory]
    [InlineData("--until", "soon", "--until must be a duration such as 90s, 10m or 1h30m (got 'soon').")]
    [InlineData("--agents", "-5", "--agents must be between 0 and 1000000")]
    [InlineData("--size", "12", "--size must be between 128 and 4096")]
    public void Bad_options_exit_non_zero_with_a_clear_message(string option, string value, string expected)
    {
        var (exitCode, _, errors) = Twin.Run("town", option, value);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, errors);
    }
}
