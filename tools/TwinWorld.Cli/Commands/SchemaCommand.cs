using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using TwinWorld.Scenarios.Schema;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin schema scenarios/schema.json</c>: rewrites the schema's command definitions from commands.proto
/// (after a command or one of its fields changed), leaving the hand-written rest as it is. <c>--check</c>
/// only says whether the file is current (exit 1 when it is not).
/// </summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("schema") { Description = "The scenario schema to update (scenarios/schema.json)" };
        var check = new Option<bool>("--check") { Description = "Change nothing; exit 1 if the file is out of date" };
        var command = new Command("schema", "Regenerate the scenario schema's command definitions from commands.proto") { file, check };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(check)));
        return command;
    }

    private static int Run(FileInfo file, bool check)
    {
        JsonObject schema;
        try
        {
            schema = JsonNode.Parse(File.ReadAllText(file.FullName)) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            Console.Error.WriteLine($"{file.FullName}: cannot read a JSON schema there: {e.Message}");
            return 2;
        }
        string current = File.ReadAllText(file.FullName);
        string updated;
        try
        {
            updated = CommandSchema.Text(CommandSchema.WithCommands(schema));
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"{file.FullName}: {e.Message}");
            return 2;
        }
        if (updated == current)
        {
            Console.WriteLine($"{file.Name} is current.");
            return 0;
        }
        if (check)
        {
            Console.Error.WriteLine($"{file.Name} is out of date: run 'twin schema {file}' to regenerate its command definitions.");
            return 1;
        }
        File.WriteAllText(file.FullName, updated);
        Console.WriteLine($"{file.Name}: command definitions regenerated from commands.proto.");
        return 0;
    }
}
