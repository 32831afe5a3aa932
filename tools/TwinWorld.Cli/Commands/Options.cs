using System.CommandLine;
using System.CommandLine.Parsing;

namespace TwinWorld.Cli.Commands;

/// <summary>Option builders shared by commands, with the validation and messages users see.</summary>
internal static class Options
{
    public static Option<TimeSpan> Duration(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description + " (e.g. 90s, 10m, 1h30m)",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Cli.Duration.TryParse(text, out var duration))
            {
                return duration;
            }
            result.AddError($"{name}: '{text}' is not a duration; use forms like 90s, 10m or 1h30m.");
            return default;
        },
    };

    public static Option<int> Count(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{name} must be between {min} and {max} (got {value}).");
            }
        });
        return option;
    }
}
