using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Commands;

/// <summary>A point in a run given as a tick number (1200) or a simulated time (2m30s).</summary>
internal readonly record struct TickOrTime(long? Tick, TimeSpan? Time)
{
    /// <summary>The number of ticks run by that point.</summary>
    public long ToTick(double tickRateHz) => Tick ?? (long)Math.Round(Time!.Value.TotalSeconds * tickRateHz);

    public override string ToString() => Tick is { } tick ? $"tick {tick}" : Duration.Format(Time!.Value);

    public static Option<TickOrTime?> Option(string name, string description, bool required = false) => new(name)
    {
        Description = description + " (a tick number such as 1200, or a time such as 2m30s)",
        Required = required,
        CustomParser = result => Parse(name, result),
    };

    private static TickOrTime? Parse(string name, ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long tick))
        {
            return new TickOrTime(tick, null);
        }
        if (Duration.TryParse(text, out var time, out string? problem))
        {
            return new TickOrTime(null, time);
        }
        result.AddError($"{name} must be a tick number or a time: the time {problem}.");
        return null;
    }
}
