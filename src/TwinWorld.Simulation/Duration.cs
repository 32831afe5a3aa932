using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TwinWorld.Simulation;

/// <summary>
/// Durations as people type them: 90s, 10m, 1.5h, 1h30m, or plain seconds. The one reading of a
/// duration for scenario files, settings, the CLI and live commands: every value is checked to lie
/// between 0 and <see cref="Longest"/>, so no typed number can overflow a TimeSpan or a tick count.
/// </summary>
public static partial class Duration
{
    /// <summary>Longer than any run anyone simulates; far below where TimeSpan or tick arithmetic overflows.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(100);

    /// <summary>
    /// Reads <paramref name="text"/>; when it is not a duration, <paramref name="problem"/> says why as a
    /// clause that follows the name of what was given ("must be a duration such as ...").
    /// </summary>
    public static bool TryParse(string text, out TimeSpan duration, [NotNullWhen(false)] out string? problem)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain))
        {
            return TryFromSeconds(plain, text, out duration, out problem);
        }
        var match = Parts().Match(text);
        if (text.Length == 0 || !match.Success)
        {
            problem = $"must be a duration such as 90s, 10m or 1h30m (got '{text}')";
            return false;
        }
        double Part(int group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        double hours = Part(1), minutes = Part(2), seconds = Part(3);
        // 1h60m is a slip for 2h (or a typo): refused rather than silently carried.
        string? carried = match.Groups[1].Success && minutes >= 60 ? "minutes after the hours"
            : (match.Groups[1].Success || match.Groups[2].Success) && seconds >= 60 ? "seconds after the minutes"
            : null;
        if (carried is not null)
        {
            problem = $"must have fewer than 60 {carried} (got '{text}')";
            return false;
        }
        return TryFromSeconds((hours * 3600) + (minutes * 60) + seconds, text, out duration, out problem);
    }

    /// <summary>A number of seconds given as <paramref name="text"/> (a setting, a field on the wire), checked as <see cref="TryParse"/> checks it.</summary>
    public static bool TryFromSeconds(double seconds, string text, out TimeSpan duration, [NotNullWhen(false)] out string? problem)
    {
        duration = TimeSpan.Zero;
        problem = !(seconds >= 0) ? $"must be a duration of 0 or more, such as 90s, 10m or 1h30m (got '{text}')"
            : seconds > Longest.TotalSeconds ? $"must be at most {Longest.TotalDays:0} days (got '{text}')"
            : null;
        if (problem is null)
        {
            duration = TimeSpan.FromSeconds(seconds);
        }
        return problem is null;
    }

    public static string Format(TimeSpan duration) => duration.TotalHours >= 1
        ? $"{(int)duration.TotalHours}h{duration.Minutes:D2}m{duration.Seconds:D2}s"
        : $"{duration.Minutes}m{duration.Seconds:D2}s";

    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$")]
    private static partial Regex Parts();
}
