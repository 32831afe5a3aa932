using System.Globalization;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Sweeps;

/// <summary>
/// One <c>--vary</c>: a parameter and the values a sweep gives it, either <c>name=a..b:steps</c>
/// (<c>steps</c> evenly spaced values from a to b, both included; numbers, or durations such as
/// <c>0s..10m:5</c>) or a list <c>name=v1,v2,...</c>. Whether the scenario has the parameter and
/// takes the values is for the scenario loader to say; this only reads the syntax.
/// </summary>
internal sealed record VariedParameter(string Name, IReadOnlyList<string> Values)
{
    public const string Forms = "write it as name=a..b:steps (e.g. wind_speed=5..20:4) or name=v1,v2,... (e.g. wind_speed=5,10,20)";

    /// <summary>Reads a <c>--vary</c> value, or says what is wrong with it.</summary>
    public static VariedParameter? Parse(string text, out string? error)
    {
        error = null;
        int eq = text.IndexOf('=');
        string name = eq > 0 ? text[..eq].Trim() : "";
        string values = eq > 0 ? text[(eq + 1)..].Trim() : "";
        if (name.Length == 0 || values.Length == 0)
        {
            error = $"--vary {text}: {Forms}";
            return null;
        }
        int dots = values.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            string[] list = [.. values.Split(',').Select(v => v.Trim())];
            if (list.Any(v => v.Length == 0))
            {
                error = $"--vary {text}: a value in the list is empty; {Forms}";
                return null;
            }
            return Distinct(text, name, list, out error);
        }
        if (Range(values[..dots], values[(dots + 2)..]) is { } range)
        {
            return Distinct(text, name, range, out error);
        }
        error = $"--vary {text}: '{values}' is not a range of numbers or durations with a whole number of steps (2 or more); {Forms}";
        return null;
    }

    /// <summary>The values, unless two mean the same (10 and 10.0, 60s and 1m): each value makes a variant, and --seeds is for repeats.</summary>
    private static VariedParameter? Distinct(string text, string name, string[] values, out string? error)
    {
        static string Meaning(string value)
            => Number(value) is { } number ? number.ToString("R", CultureInfo.InvariantCulture)
            : Duration.TryParse(value, out var duration, out _) ? duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)
            : value;
        if (values.GroupBy(Meaning, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            error = $"--vary {text}: {string.Join(" and ", twice)} are the same value, and each value makes a variant (--seeds repeats runs); {Forms}";
            return null;
        }
        error = null;
        return new VariedParameter(name, values);
    }

    private static string[]? Range(string from, string rest)
    {
        int colon = rest.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(rest[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int steps) || steps < 2)
        {
            return null;
        }
        string to = rest[..colon];
        if (Number(from) is { } a && Number(to) is { } b)
        {
            return [.. Spread(a, b, steps).Select(Show)];
        }
        if (Duration.TryParse(from, out var start, out _) && Duration.TryParse(to, out var end, out _))
        {
            double[] seconds = Spread(start.TotalSeconds, end.TotalSeconds, steps);
            // As the CLI writes durations (1m30s) when all are whole seconds, else all in seconds (2.5s).
            return seconds.All(v => v == Math.Floor(v))
                ? [.. seconds.Select(v => Duration.Format(TimeSpan.FromSeconds(v)))]
                : [.. seconds.Select(v => $"{Show(v)}s")];
        }
        return null;
    }

    private static double? Number(string text)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;

    /// <summary>
    /// Evenly spaced from a to b, both exactly: a + (b - a) * i / (steps - 1), rounded to 12
    /// significant digits so that 0..1:11 gives 0.3, not 0.30000000000000004.
    /// </summary>
    private static double[] Spread(double a, double b, int steps)
        => [.. Enumerable.Range(0, steps).Select(i => i == steps - 1 ? b : double.Parse((a + ((b - a) * i / (steps - 1))).ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))];

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
