using System.Text.Json.Nodes;

namespace TwinWorld.Cli.Tests;

/// <summary><c>twin schema</c>: the scenario schema's command definitions regenerated from commands.proto.</summary>
public class SchemaCommandTests
{
    private static string ShippedSchema => Path.Combine(AppContext.BaseDirectory, "Shipped", "schema.json");

    [Fact]
    public void A_stale_schema_is_found_by_check_and_made_current_by_a_rewrite_that_keeps_the_rest()
    {
        string folder = Directory.CreateTempSubdirectory("twin-schema-").FullName;
        string path = Path.Combine(folder, "schema.json");
        var schema = (JsonObject)JsonNode.Parse(File.ReadAllText(ShippedSchema))!;
        schema["$defs"]!["fire"] = new JsonObject { ["type"] = "object" }; // as if a field had been added since
        schema["title"] = "my scenarios";
        File.WriteAllText(path, schema.ToJsonString());

        var check = Twin.Run("schema", "--check", path);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("out of date", check.Errors);

        var write = Twin.Run("schema", path);
        Assert.Equal(0, write.ExitCode);
        var rewritten = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("my scenarios", (string?)rewritten["title"]);
        Assert.Contains("radius", rewritten["$defs"]!["fire"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(0, Twin.Run("schema", "--check", path).ExitCode);
    }

    [Theory]
    [InlineData("not json at all", "cannot read a JSON schema there")]
    [InlineData("{\"type\": \"object\"}", "the schema has no $defs")]
    public void A_file_that_is_not_a_scenario_schema_is_refused_with_one_line_and_exit_2(string text, string expected)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("twin-schema-").FullName, "schema.json");
        File.WriteAllText(path, text);

        var (exitCode, _, errors) = Twin.Run("schema", path);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, errors);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.Equal(text, File.ReadAllText(path));
    }
}
