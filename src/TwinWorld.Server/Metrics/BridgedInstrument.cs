using System.Diagnostics.Metrics;
using System.Globalization;
using Prometheus;

namespace TwinWorld.Server.Metrics;

/// <summary>
/// One instrument's prometheus-net metric: its type from the instrument's (counters as counters, histograms as
/// histograms with the instrument's advised buckets, the rest as gauges), its label names from the first
/// measurement's tags (a later measurement's missing tag is an empty label; tags are low-cardinality: a role, a
/// reason). Measurements arrive on any thread; children are found without a lock by a linear search of the few
/// there are, so recording neither waits nor allocates.
/// </summary>
internal sealed class BridgedInstrument(Instrument instrument, IMetricFactory factory)
{
    /// <summary>Prometheus client libraries' defaults, for durations in seconds.</summary>
    private static readonly double[] SecondsBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>OpenTelemetry's defaults, for anything else without advice.</summary>
    private static readonly double[] DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly Lock _gate = new();
    private readonly Type _definition = instrument.GetType().GetGenericTypeDefinition();
    // Written under the lock, read without it: the metric once made, and a fresh array for each child added.
    private volatile object? _metric;
    private volatile (string[] Values, object Child)[] _children = [];
    private string[] _labelKeys = [];

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        object child = Existing(tags) ?? Add(tags);
        switch (child)
        {
            case IHistogram histogram:
                histogram.Observe(value);
                break;
            case ICounter counter when _definition == typeof(ObservableCounter<>):
                counter.IncTo(value); // observable counters report their running total
                break;
            case ICounter counter:
                counter.Inc(value);
                break;
            case IGauge gauge when _definition == typeof(UpDownCounter<>):
                gauge.Inc(value);
                break;
            case IGauge gauge:
                gauge.Set(value);
                break;
        }
    }

    private object? Existing(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_metric is not { } metric)
        {
            return null;
        }
        var keys = _labelKeys;
        if (keys.Length == 0)
        {
            return metric;
        }
        foreach (var (values, child) in _children)
        {
            if (Matches(keys, values, tags))
            {
                return child;
            }
        }
        return null;
    }

    private object Add(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_gate)
        {
            if (Existing(tags) is { } raced)
            {
                return raced;
            }
            if (_metric is null)
            {
                _metric = Create(tags);
                if (_labelKeys.Length == 0)
                {
                    return _metric;
                }
            }
            var keys = _labelKeys;
            var labelValues = new string[keys.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                labelValues[i] = Text(Find(tags, keys[i]));
            }
            object added = _metric switch
            {
                Counter counter => counter.WithLabels(labelValues),
                Histogram histogram => histogram.WithLabels(labelValues),
                _ => ((Gauge)_metric).WithLabels(labelValues),
            };
            _children = [.. _children, (labelValues, added)];
            return added;
        }
    }

    private object Create(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var keys = new string[tags.Length];
        for (int i = 0; i < tags.Length; i++)
        {
            keys[i] = tags[i].Key;
        }
        Array.Sort(keys, StringComparer.Ordinal);
        _labelKeys = keys;
        var kind = _definition == typeof(Counter<>) || _definition == typeof(ObservableCounter<>) ? MetricKind.Counter
            : _definition == typeof(Histogram<>) ? MetricKind.Histogram
            : MetricKind.Gauge;
        string name = MetricNames.Metric(instrument.Name, instrument.Unit, kind);
        // prometheus-net writes help as given; the text format wants backslashes and line breaks escaped (measured with 8.2.1).
        string help = (instrument.Description ?? "").Replace("\\", "\\\\").Replace("\n", "\\n");
        string[] labels = [.. keys.Select(MetricNames.Label)];
        return kind switch
        {
            MetricKind.Counter => factory.CreateCounter(name, help, labels),
            MetricKind.Histogram => factory.CreateHistogram(name, help, labels,
                new HistogramConfiguration { Buckets = AdvisedBounds() ?? (instrument.Unit == "s" ? SecondsBounds : DefaultBounds) }),
            _ => factory.CreateGauge(name, help, labels),
        };
    }

    private static bool Matches(string[] keys, string[] values, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        for (int i = 0; i < keys.Length; i++)
        {
            object? tag = Find(tags, keys[i]);
            if (!(tag is string s ? s == values[i] : Text(tag) == values[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static object? Find(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }
        return null;
    }

    private static string Text(object? value) => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private double[]? AdvisedBounds() => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds],
        Histogram<float> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(b => (double)b)],
        Histogram<long> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(b => (double)b)],
        Histogram<int> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(b => (double)b)],
        _ => null,
    };
}
