using System.CommandLine;
using System.CommandLine.Parsing;
using System.Numerics;

namespace TwinWorld.Cli.Commands;

/// <summary>Option builders shared by commands, with the validation and messages users see.</summary>
internal static class Options
{
    public static Option<WrittenDuration> Duration(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description + " (e.g. 90s, 10m, 1h30m)",
        DefaultValueFactory = _ => new(defaultValue),
        CustomParser = result => new(ParseDuration(name, result)),
    };

    /// <summary>A duration that may also be given in milliseconds (200ms), for short waits.</summary>
    public static Option<WrittenDuration> ShortDuration(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description + " (e.g. 200ms, 1.5s)",
        DefaultValueFactory = _ => new(defaultValue),
        CustomParser = result => new(
            result.Tokens.Count > 0 && result.Tokens[0].Value is [.. var number, 'm', 's'] milliseconds
            && double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double ms)
                ? Checked(name, result, Simulation.Duration.TryFromSeconds(ms / 1000, milliseconds, out var duration, out string? problem), duration, problem)
                : ParseDuration(name, result)),
    };

    /// <summary>A duration that is absent unless given (for "when does this happen, if at all").</summary>
    public static Option<TimeSpan?> OptionalDuration(string name, string description) => new(name)
    {
        Description = description + " (e.g. 90s, 10m, 1h30m)",
        CustomParser = result => ParseDuration(name, result),
    };

    /// <summary>A number that must lie in [min, max].</summary>
    /// <summary><c>--profile</c>: after the run, a table of where the time went.</summary>
    public static Option<bool> Profile() => new("--profile") { Description = "At the end, show where the time went: each system, the state hash and the rest" };

    public static Option<T> Ranged<T>(string name, string description, T defaultValue, T min, T max)
        where T : INumber<T>
    {
        var option = new Option<T>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            T value = result.GetValueOrDefault<T>()!;
            if (value < min || value > max)
            {
                result.AddError($"{name} must be between {min} and {max} (got {value}).");
            }
        });
        return option;
    }

    /// <summary>Reads <c>--set name=value</c> overrides; null (with what is wrong) when one is not name=value.</summary>
    public static Dictionary<string, string>? Overrides(IEnumerable<string> sets, out string? error)
    {
        error = null;
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string set in sets)
        {
            int eq = set.IndexOf('=');
            if (eq <= 0)
            {
                error = $"--set {set}: write it as name=value";
                return null;
            }
            overrides[set[..eq].Trim()] = set[(eq + 1)..];
        }
        return overrides;
    }

    /// <summary>A duration as a user writes one: 200ms, 1.5s, 1m, 1h30m.</summary>
    public static string Show(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{duration.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}ms";
        }
        double seconds = duration.Seconds + (duration.Milliseconds / 1000.0);
        string text = (duration.TotalHours >= 1 ? $"{(int)duration.TotalHours}h" : "")
            + (duration.Minutes > 0 ? $"{duration.Minutes}m" : "")
            + (seconds > 0 ? $"{seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}s" : "");
        return text;
    }

    private static TimeSpan ParseDuration(string name, ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        return Checked(name, result, Simulation.Duration.TryParse(text, out var duration, out string? problem), duration, problem);
    }

    private static TimeSpan Checked(string name, ArgumentResult result, bool parsed, TimeSpan duration, string? problem)
    {
        if (!parsed)
        {
            result.AddError($"{name} {problem}.");
        }
        return duration;
    }
}
