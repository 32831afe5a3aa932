using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Schema;

namespace TwinWorld.Scenarios.Tests;

/// <summary>
/// scenarios/schema.json, for editors: its command definitions are generated from commands.proto, the rest is
/// written by hand; it must name what the loader reads and judge files as the loader does.
/// </summary>
public class SchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "schema.json"));

    private static readonly JsonElement Schema = JsonDocument.Parse(SchemaText).RootElement;

    private static readonly JsonSchema Checker = JsonSchema.FromText(SchemaText);

    /// <summary>Broken files whose mistake only the loader can see (a zone that does not exist, a point off the map, a name used twice).</summary>
    private const string BeyondTheSchema = "# schema: accepts";

    [Fact]
    public void The_command_definitions_are_the_ones_generated_from_commands_proto()
    {
        string generated = CommandSchema.Text(CommandSchema.WithCommands((JsonObject)JsonNode.Parse(SchemaText)!));

        Assert.True(generated == SchemaText, "scenarios/schema.json is out of date with commands.proto: run 'tools/twin schema scenarios/schema.json'");
    }

    [Fact]
    public void Every_shipped_scenario_passes_the_schema()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Shipped"), "*.yaml"))
        {
            var result = Checker.Evaluate(YamlJson.Of(File.ReadAllText(file)), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{Path.GetFileName(file)}: {Describe(result)}");
        }
    }

    [Fact]
    public void The_schema_refuses_every_broken_file_except_those_only_the_loader_can_judge()
    {
        var wrong = new List<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Broken"), "*.yaml"))
        {
            string text = File.ReadAllText(file);
            if (YamlLimits.Check(text) is not null)
            {
                continue; // too deep or too many aliases: refused before it is read, by the loader as by any careful editor
            }
            JsonElement json;
            try
            {
                json = YamlJson.Of(text);
            }
            catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException or JsonException)
            {
                continue; // not YAML, or YAML with no JSON form (aliases, a key twice): an editor says so before any schema
            }
            bool valid = Checker.Evaluate(json).IsValid;
            if (valid != text.Contains(BeyondTheSchema, StringComparison.Ordinal))
            {
                wrong.Add($"{Path.GetFileName(file)} ({(valid ? "accepted" : "refused")})");
            }
        }
        Assert.True(wrong.Count == 0, $"the schema judges these unlike their '{BeyondTheSchema}' mark: {string.Join(", ", wrong)}");
    }

    private static string Describe(EvaluationResults result)
        => string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(5)
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));

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
