using System.Text.Json;
using TwinWorld.Scenarios.Loading;

namespace TwinWorld.Scenarios.Tests;

/// <summary>scenarios/schema.json is written by hand for editors: it must name what the loader reads.</summary>
public class SchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "schema.json"))).RootElement;

    private static string[] Names(JsonElement properties) => [.. properties.EnumerateObject().Select(p => p.Name).Order()];

    [Fact]
    public void The_schema_has_the_loader_s_top_level_keys_actions_and_conditions()
    {
        var properties = Schema.GetProperty("properties");
        Assert.Equal(ScenarioReader.TopKeys.Order(), Names(properties));

        var actions = properties.GetProperty("triggers").GetProperty("items").GetProperty("properties").GetProperty("do").GetProperty("items").GetProperty("oneOf");
        Assert.Equal(ScenarioReader.ActionKeys.Order(), actions.EnumerateArray().Select(a => Names(a.GetProperty("properties")).Single()).Order());

        var conditions = properties.GetProperty("end").GetProperty("properties").GetProperty("when").GetProperty("items").GetProperty("properties");
        Assert.Equal(ScenarioReader.ConditionKeys.Order(), Names(conditions));
    }

    [Fact]
    public void Shipped_scenarios_point_editors_at_the_schema()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Shipped"), "*.yaml"))
        {
            Assert.StartsWith("# yaml-language-server: $schema=schema.json", File.ReadLines(file).First());
        }
    }

    [Fact]
    public void The_example_in_the_authors_guide_loads_and_runs()
    {
        string guide = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "README.md"));
        int start = guide.IndexOf("```yaml", StringComparison.Ordinal) + "```yaml".Length;
        string example = guide[start..guide.IndexOf("```", start, StringComparison.Ordinal)];

        var load = ScenarioLoader.Parse(example, "README example");

        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        var run = new Running.ScenarioRun(load.Scenario!, workers: 2);
        run.RunToEnd(TimeSpan.FromSeconds(5));
        Assert.Equal(5000, run.Samples[^1].Outcome.Agents);
    }

    [Fact]
    public void The_live_example_in_the_authors_guide_gives_the_error_it_shows()
    {
        var load = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Shipped", "wildfire-wui.yaml"));
        var (action, errors) = ScenarioLoader.ParseAction("tornado: {from: [300, 60], to: [520, 980], speed: 12}", load.Scenario!);

        Assert.Null(action);
        Assert.Equal("live:1:10: tornado needs 'max_wind'", Assert.Single(errors).ToString());
    }
}
