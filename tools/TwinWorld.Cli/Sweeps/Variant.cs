namespace TwinWorld.Cli.Sweeps;

/// <summary>One combination of the varied parameters' values, numbered from 1 in the order the sweep runs them.</summary>
internal sealed record Variant(int Number, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    /// <summary>A short name for files and tables: v1, v2, ...</summary>
    public string Label => $"v{Number}";

    /// <summary>The values as a person reads them: wind_speed=5, shift_from=90.</summary>
    public override string ToString() => string.Join(", ", Values.Select(v => $"{v.Key}={v.Value}"));

    /// <summary>Every combination, the first <c>--vary</c> changing slowest, as nested loops in the order given.</summary>
    public static IReadOnlyList<Variant> Combine(IReadOnlyList<VariedParameter> varied)
    {
        IEnumerable<IEnumerable<KeyValuePair<string, string>>> combinations = [[]];
        foreach (var parameter in varied)
        {
            combinations = combinations.SelectMany(done => parameter.Values.Select(value => done.Append(new KeyValuePair<string, string>(parameter.Name, value))));
        }
        return [.. combinations.Select((values, i) => new Variant(i + 1, [.. values]))];
    }
}
