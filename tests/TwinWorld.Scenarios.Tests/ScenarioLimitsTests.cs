using System.Diagnostics;
using TwinWorld.Scenarios.Loading;

namespace TwinWorld.Scenarios.Tests;

/// <summary>Files and text that would exhaust the stack, the memory or the patience of the loader are refused before they are read.</summary>
public sealed class ScenarioLimitsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twinworld-limits-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Thirty_thousand_levels_of_nesting_are_an_error_at_the_level_too_deep_not_a_stack_overflow()
    {
        string yaml = "scenario: deep\nend: " + new string('[', 30_000) + new string(']', 30_000) + "\n";

        var error = Assert.Single(ScenarioLoader.Parse(yaml, "deep.yaml").Errors);

        Assert.Equal((2, 69), (error.Line, error.Column));
        Assert.Contains("nested more than 64 levels deep", error.Message);
    }

    [Fact]
    public void A_live_action_nested_too_deep_is_an_error_too()
    {
        var scenario = ScenarioLoader.Parse("scenario: s\nmap: {procedural: {size: 128}}\nend: {after: 1m}\n", "s.yaml").Scenario!;

        var (action, errors) = ScenarioLoader.ParseAction("fire: {at: " + new string('[', 30_000) + "}", scenario);

        Assert.Null(action);
        Assert.Contains("nested more than 64 levels deep", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_scenario_over_4_MiB_is_refused_before_it_is_read()
    {
        string path = Path.Combine(_folder, "huge.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(50L * 1024 * 1024);
        }

        var error = Assert.Single(ScenarioLoader.Load(path).Errors);

        Assert.Equal($"{path}: is 50 MiB; files of this kind are at most 4 MiB", error.ToString());
    }

    [Fact]
    public void Devices_and_pipes_are_refused_as_scenarios_and_as_heightmaps_without_being_read()
    {
        string fifo = Path.Combine(_folder, "pipe.asc");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        foreach (string path in (string[])["/dev/zero", fifo])
        {
            Assert.Equal($"{path}: is empty, or is not a regular file (a device or a pipe)", Assert.Single(ScenarioLoader.Load(path).Errors).ToString());
            string scenario = Path.Combine(_folder, "on-a-device.yaml");
            File.WriteAllText(scenario, $"scenario: device\nmap:\n  terrain: {{heightmap: {path}, cell_size: 2}}\nend: {{after: 1m}}\n");
            var heightmap = Assert.Single(ScenarioLoader.Load(scenario).Errors);
            Assert.Equal((3, 3), (heightmap.Line, heightmap.Column));
            Assert.Contains($"{path}: is empty, or is not a regular file", heightmap.Message);
        }
    }
}
