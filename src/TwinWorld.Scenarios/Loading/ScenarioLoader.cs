using TwinWorld.Scenarios.Model;
using TwinWorld.Simulation.Files;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Terrain.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TwinWorld.Scenarios.Loading;

/// <summary>
/// Loads scenario files: YAML in, a validated <see cref="Scenario"/> (with its map built) or every
/// error with its file, line and column out. Nothing a file contains makes it throw.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Hundreds of times the longest shipped scenario; YAML takes about 50 times its size in memory.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Loads a file, with parameter overrides by name (what <c>--set name=value</c> gives).</summary>
    public static ScenarioLoad Load(string path, IReadOnlyDictionary<string, string>? overrides = null)
    {
        if (InputFile.Problem(path, MaxBytes) is { } problem)
        {
            return new ScenarioLoad(null, [new ScenarioError(path, 0, 0, problem)]);
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ScenarioLoad(null, [new ScenarioError(path, 0, 0, $"cannot read the scenario: {e.Message}")]);
        }
        return Parse(text, path, overrides);
    }

    /// <summary>Loads scenario text; <paramref name="file"/> names it in errors and anchors relative terrain paths.</summary>
    public static ScenarioLoad Parse(string yaml, string file, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var read = new NodeReader(file);
        if (Root(yaml, file, read) is not { } root)
        {
            return new ScenarioLoad(null, read.Errors);
        }
        var scenario = new ScenarioReader(read, file).Read(root, file, overrides ?? new Dictionary<string, string>(), (map, at) => Build(map, at, read));
        return new ScenarioLoad(read.Errors.Count == 0 ? scenario : null, read.Errors);
    }

    /// <summary>
    /// Reads one action written as in a scenario (<c>fire: {at: [500, 400]}</c>) for a running
    /// scenario: what an author injects live. Errors are reported as in a file named "live".
    /// </summary>
    public static (ActionSpec? Action, IReadOnlyList<ScenarioError> Errors) ParseAction(string yaml, Scenario scenario)
    {
        var read = new NodeReader("live");
        foreach (var parameter in scenario.Parameters)
        {
            read.Parameters[parameter.Name] = parameter.Value;
        }
        if (Root(yaml, "live", read) is not YamlMappingNode { Children.Count: 1 } root)
        {
            if (read.Errors.Count == 0)
            {
                read.Error(1, 1, $"an action is one key and its value, such as fire: {{at: [500, 400]}}; actions: {string.Join(", ", ScenarioReader.ActionKeys)}");
            }
            return (null, read.Errors);
        }
        var reader = new ScenarioReader(read, scenario.File);
        var (key, value) = root.Children.First();
        var action = reader.ReadLive(key, value, scenario);
        return (read.Errors.Count == 0 ? action : null, read.Errors);
    }

    private static YamlNode? Root(string yaml, string file, NodeReader read)
    {
        if (yaml.Length > MaxBytes)
        {
            read.Error(1, 1, $"a scenario is at most {MaxBytes / (1024 * 1024)} MiB of text (this is {yaml.Length / (1024.0 * 1024):0.#} MiB)");
            return null;
        }
        if (YamlLimits.Check(yaml) is var (at, problem))
        {
            read.Error((int)at.Line, (int)at.Column, problem);
            return null;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                read.Error(1, 1, "the file is empty");
                return null;
            }
            if (stream.Documents.Count > 1)
            {
                read.Error(stream.Documents[1].RootNode, "one scenario per file: this is a second YAML document");
                return null;
            }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            read.Error((int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {Plain(e)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input: find how far parsing got.
            var (line, column) = LastGoodMark(yaml);
            read.Error(line, column, "not valid YAML after here: is a bracket or brace left open?");
            return null;
        }
    }

    private static (int Line, int Column) LastGoodMark(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var mark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                mark = parser.Current!.End;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Parsing stops where the input went wrong; the last mark is as far as it got.
        }
        return ((int)mark.Line, (int)mark.Column);
    }

    private static Site? Build(MapSpec map, YamlNode at, NodeReader read)
    {
        try
        {
            return map.Build();
        }
        catch (Exception e) when (e is TerrainFileException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            read.Error(at, $"map: {e.Message}");
            return null;
        }
    }

    /// <summary>YamlDotNet prefixes its own position, which the error already carries.</summary>
    private static string Plain(YamlException e)
    {
        string message = e.InnerException?.Message ?? e.Message;
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && cut > 0 ? message[(cut + 3)..] : message;
    }
}
