using System.Globalization;
using System.Text;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Scenarios.Tests;

public sealed class ImportedMapTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twinworld-scenario-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_scenario_on_an_imported_heightmap_gets_its_zones_people_and_hazards()
    {
        // A 100 x 100 grid of 2 m cells: sea below 0 m in the west, land rising eastwards to 20 m.
        var asc = new StringBuilder("ncols 100\nnrows 100\nxllcorner 0\nyllcorner 0\ncellsize 2\n");
        for (int row = 0; row < 100; row++)
        {
            asc.AppendLine(string.Join(' ', Enumerable.Range(0, 100).Select(x => ((x - 20) * 0.2).ToString(CultureInfo.InvariantCulture))));
        }
        File.WriteAllText(Path.Combine(_folder, "coast.asc"), asc.ToString());
        string scenario = Path.Combine(_folder, "coast.yaml");
        File.WriteAllText(scenario, """
            scenario: imported-coast
            map:
              terrain: {heightmap: coast.asc}
            zones:
              - {name: ridge, kind: shelter, centre: [180, 100], radius: 15}
            population:
              - {kind: civilian, count: 50, area: {centre: [60, 100], radius: 15}}
            events:
              - {at: 0s, tsunami: {height: 3, period: 60, from: 270}}
            end: {after: 90s}
            """);

        var load = ScenarioLoader.Load(scenario);

        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        Assert.NotNull(load.Scenario!.Site.Zones.Find("ridge"));
        var run = new ScenarioRun(load.Scenario, workers: 2);
        run.RunToEnd();
        var outcome = run.Samples[^1].Outcome;
        Assert.Equal(50, outcome.Agents);
        Assert.True(outcome.FloodedArea > 0, "the tsunami comes ashore");
        Assert.True(outcome.Evacuated > 0, "people reach the ridge");
    }

    [Fact]
    public void A_broken_heightmap_is_reported_at_the_map()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.asc"), "ncols 3\nnrows 2\ncellsize 2\n1 2 3\n4 five 6\n");
        string scenario = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(scenario, "scenario: bad\nmap:\n  terrain: {heightmap: bad.asc}\nend: {after: 1m}\n");

        var error = Assert.Single(ScenarioLoader.Load(scenario).Errors);

        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Contains("bad.asc", error.Message);
    }
}
