using System.Globalization;
using System.Numerics;
using YamlDotNet.RepresentationModel;

namespace TwinWorld.Scenarios.Loading;

/// <summary>
/// Reads typed values out of YAML nodes, collecting every error (with its line and column) instead
/// of stopping at the first. A scalar written as <c>$name</c> takes the value of the declared
/// parameter of that name. Every reader returns null for a value it could not read. A missing value
/// (a null node) is not reported again: the mapping that lacked the key already said so.
/// </summary>
internal sealed class NodeReader(string file)
{
    private readonly List<ScenarioError> _errors = [];

    public IReadOnlyList<ScenarioError> Errors => _errors;

    /// <summary>Parameter values by name, as text, once the parameters section is read.</summary>
    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    public void Error(YamlNode? at, string message)
    {
        var mark = at?.Start;
        _errors.Add(new ScenarioError(file, (int)(mark?.Line ?? 1), (int)(mark?.Column ?? 1), message));
    }

    public void Error(int line, int column, string message) => _errors.Add(new ScenarioError(file, line, column, message));

    /// <summary>A mapping whose keys are names the author chooses (parameters): any key is accepted.</summary>
    public Mapping? Mapping(YamlNode? node, string what)
        => node is YamlMappingNode map ? Mapping(node, what, map.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "").ToArray()) : Mapping(node, what, []);

    /// <summary>A mapping whose keys must all be known; reports unknown keys (with suggestions) and missing required ones.</summary>
    public Mapping? Mapping(YamlNode? node, string what, IReadOnlyCollection<string> known, params string[] required)
    {
        if (node is not YamlMappingNode map)
        {
            Report(node, $"{what} must be a mapping of keys to values{Found(node)}");
            return null;
        }
        var entries = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                Error(key, $"unknown key '{name}' in {what}{Suggestions.For(name, known)}; expected one of: {string.Join(", ", known)}");
                continue;
            }
            entries[name] = (key, value);
        }
        foreach (string key in required.Where(k => !entries.ContainsKey(k)))
        {
            Error(map, $"{what} needs '{key}'");
        }
        return new Mapping(map, entries);
    }

    public IReadOnlyList<YamlNode>? Sequence(YamlNode? node, string what)
    {
        if (node is YamlSequenceNode list)
        {
            return [.. list.Children];
        }
        Report(node, $"{what} must be a list{Found(node)}");
        return null;
    }

    /// <summary>The text of a scalar, with a <c>$parameter</c> replaced by the parameter's value.</summary>
    public string? Text(YamlNode? node, string what)
    {
        if (node is not YamlScalarNode scalar || scalar.Value is null)
        {
            Report(node, $"{what} must be a single value{Found(node)}");
            return null;
        }
        string text = scalar.Value.Trim();
        if (!text.StartsWith('$'))
        {
            return text;
        }
        string name = text[1..];
        if (Parameters.TryGetValue(name, out var value))
        {
            return value;
        }
        Error(node, $"{what}: there is no parameter '{name}'{Suggestions.For(name, Parameters.Keys)}; declare it under 'parameters'");
        return null;
    }

    public string? Name(YamlNode? node, string what)
    {
        string? text = Text(node, what);
        if (text is not null && text.Length == 0)
        {
            Error(node, $"{what} must not be empty");
            return null;
        }
        return text;
    }

    public double? Number(YamlNode? node, string what, double min, double max)
    {
        string? text = Text(node, what);
        return text is null ? null : Number(node, text, what, min, max);
    }

    /// <summary>Text already taken from a node (and perhaps trimmed of a unit) as a number in range.</summary>
    public double? Number(YamlNode? node, string text, string what, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            Error(node, $"{what} must be a number (got '{text}')");
            return null;
        }
        return InRange(node, what, value, min, max, text);
    }

    public int? Integer(YamlNode? node, string what, int min, int max)
    {
        double? value = Number(node, what, min, max);
        if (value is { } v && v != Math.Floor(v))
        {
            Error(node, $"{what} must be a whole number (got {v})");
            return null;
        }
        return value is null ? null : (int)value;
    }

    public TimeSpan? Duration(YamlNode? node, string what, TimeSpan min, TimeSpan max)
    {
        string? text = Text(node, what);
        if (text is null)
        {
            return null;
        }
        if (!Simulation.Duration.TryParse(text, out var value, out string? problem))
        {
            Error(node, $"{what} {problem}");
            return null;
        }
        if (value < min || value > max)
        {
            Error(node, $"{what} must be between {Simulation.Duration.Format(min)} and {Simulation.Duration.Format(max)} (got {text})");
            return null;
        }
        return value;
    }

    public bool? Flag(YamlNode? node, string what)
    {
        string? text = Text(node, what);
        if (text is null)
        {
            return null;
        }
        if (bool.TryParse(text, out bool value))
        {
            return value;
        }
        Error(node, $"{what} must be true or false (got '{text}')");
        return null;
    }

    /// <summary>One of a fixed set of words (case-insensitive), with a suggestion for a near miss.</summary>
    public T? Choice<T>(YamlNode? node, string what, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        string? text = Text(node, what);
        if (text is null)
        {
            return null;
        }
        var match = choices.FirstOrDefault(c => string.Equals(c.Key, text, StringComparison.OrdinalIgnoreCase));
        if (match.Key is not null)
        {
            return match.Value;
        }
        Error(node, $"{what}: '{text}' is not one of {string.Join(", ", choices.Keys)}{Suggestions.For(text, choices.Keys)}");
        return null;
    }

    /// <summary>A point [x, y] in metres (east, north of the map's south-west corner).</summary>
    public Vector2? Point(YamlNode? node, string what)
    {
        var values = Numbers(node, what, 2, "[x, y]");
        return values is null ? null : new Vector2((float)values[0], (float)values[1]);
    }

    public double[]? Numbers(YamlNode? node, string what, int count, string shape)
    {
        if (node is not YamlSequenceNode list || list.Children.Count != count)
        {
            Report(node, $"{what} must be {shape}{Found(node)}");
            return null;
        }
        var values = list.Children.Select(c => Number(c, what, double.MinValue, double.MaxValue)).ToArray();
        return values.All(v => v is not null) ? values.Select(v => v!.Value).ToArray() : null;
    }

    /// <summary>Reports a value of the wrong shape; a missing one was reported by its mapping.</summary>
    private void Report(YamlNode? node, string message)
    {
        if (node is not null)
        {
            Error(node, message);
        }
    }

    private double? InRange(YamlNode? node, string what, double value, double min, double max, string text)
    {
        if (value < min || value > max)
        {
            Error(node, $"{what} must be between {Format(min)} and {Format(max)} (got {text})");
            return null;
        }
        return value;
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    private static string Found(YamlNode? node) => node switch
    {
        null => "",
        YamlScalarNode s => $" (got '{s.Value}')",
        YamlSequenceNode => " (got a list)",
        YamlMappingNode => " (got a mapping)",
        _ => "",
    };
}
