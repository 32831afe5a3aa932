using System.Text;

namespace TwinWorld.Server.Metrics;

/// <summary>
/// Prometheus names for System.Diagnostics.Metrics instruments, as README lists them: metric and label names
/// reduced to <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, the unit appended (<c>s</c> as <c>_seconds</c>, <c>By</c> as
/// <c>_bytes</c>, annotations such as <c>{frame}</c> dropped), and <c>_total</c> on counters.
/// </summary>
internal static class MetricNames
{
    public static string Metric(string instrument, string? unit, MetricKind kind)
    {
        string name = Sanitise(instrument, allowColon: true);
        if (UnitSuffix(unit) is { } suffix && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }
        return kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    public static string Label(string key) => Sanitise(key, allowColon: false);

    private static string? UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => null,
        _ when unit.StartsWith('{') => null,
        "s" => "seconds",
        "By" => "bytes",
        _ => Sanitise(unit, allowColon: false),
    };

    private static string Sanitise(string name, bool allowColon)
    {
        var result = new StringBuilder(name.Length + 1);
        foreach (char c in name)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }
        if (result.Length == 0 || char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, '_');
        }
        return result.ToString();
    }
}
