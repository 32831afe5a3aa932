using System.Globalization;
using System.Text.RegularExpressions;

namespace TwinWorld.Scenarios;

/// <summary>Durations as people type them: 90s, 10m, 1.5h, 1h30m, or plain seconds.</summary>
public static partial class Duration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return seconds >= 0;
        }
        var parts = Part().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            return false;
        }
        foreach (Match part in parts)
        {
            double value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromSeconds(value),
            };
        }
        return true;
    }

    public static string Format(TimeSpan duration) => duration.TotalHours >= 1
        ? $"{(int)duration.TotalHours}h{duration.Minutes:D2}m{duration.Seconds:D2}s"
        : $"{duration.Minutes}m{duration.Seconds:D2}s";

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|m|s)")]
    private static partial Regex Part();
}
