using System.Globalization;
using System.Text;

namespace TwinWorld.Server.Metrics;

/// <summary>
/// The Prometheus text exposition format, version 0.0.4: metric and label names reduced to
/// <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, the unit appended (<c>s</c> as <c>_seconds</c>, <c>By</c> as
/// <c>_bytes</c>, annotations such as <c>{frame}</c> dropped), <c>_total</c> on counters, and label
/// values and help text escaped.
/// </summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string MetricName(string instrument, string? unit, MetricKind kind)
    {
        string name = Sanitise(instrument, allowColon: true);
        if (UnitSuffix(unit) is { } suffix && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }
        return kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    public static string LabelName(string key) => Sanitise(key, allowColon: false);

    /// <summary>Writes one instrument's family: HELP, TYPE and a sample line per series (three kinds for histograms).</summary>
    public static void WriteFamily(StringBuilder text, InstrumentAggregate aggregate)
    {
        string type = aggregate.Kind switch { MetricKind.Counter => "counter", MetricKind.Histogram => "histogram", _ => "gauge" };
        if (!string.IsNullOrEmpty(aggregate.Instrument.Description))
        {
            text.Append("# HELP ").Append(aggregate.Name).Append(' ').Append(EscapeHelp(aggregate.Instrument.Description)).Append('\n');
        }
        text.Append("# TYPE ").Append(aggregate.Name).Append(' ').Append(type).Append('\n');
        aggregate.Visit((family, series) =>
        {
            if (family.Kind != MetricKind.Histogram)
            {
                Sample(text, family.Name, "", series.Labels, null, series.Value);
                return;
            }
            long cumulative = 0;
            for (int i = 0; i < family.Bounds.Length; i++)
            {
                cumulative += series.Buckets[i];
                Sample(text, family.Name, "_bucket", series.Labels, Number(family.Bounds[i]), cumulative);
            }
            Sample(text, family.Name, "_bucket", series.Labels, "+Inf", series.Count);
            Sample(text, family.Name, "_sum", series.Labels, null, series.Value);
            Sample(text, family.Name, "_count", series.Labels, null, series.Count);
        });
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string EscapeLabelValue(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\").Replace("\n", "\\n");

    private static void Sample(StringBuilder text, string name, string suffix, KeyValuePair<string, string>[] labels, string? le, double value)
    {
        text.Append(name).Append(suffix);
        if (labels.Length > 0 || le is not null)
        {
            text.Append('{');
            string separator = "";
            foreach (var (key, label) in labels)
            {
                text.Append(separator).Append(LabelName(key)).Append("=\"").Append(EscapeLabelValue(label)).Append('"');
                separator = ",";
            }
            if (le is not null)
            {
                text.Append(separator).Append("le=\"").Append(le).Append('"');
            }
            text.Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

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
