using System.Diagnostics.Metrics;
using System.Globalization;

namespace TwinWorld.Server.Metrics;

/// <summary>
/// What the collector keeps of one instrument: its exposition name and type, and one series per tag set.
/// Measurements arrive on any thread; a lock per instrument and a linear search of its few series (tags
/// are low-cardinality: a role, a reason) keep recording free of allocations.
/// </summary>
internal sealed class InstrumentAggregate
{
    /// <summary>Prometheus client libraries' defaults, for durations in seconds.</summary>
    private static readonly double[] SecondsBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>OpenTelemetry's defaults, for anything else without advice.</summary>
    private static readonly double[] DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly Lock _gate = new();
    private readonly List<MetricSeries> _series = [];

    public InstrumentAggregate(Instrument instrument)
    {
        Instrument = instrument;
        var definition = instrument.GetType().GetGenericTypeDefinition();
        Kind = definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>) ? MetricKind.Counter
            : definition == typeof(Histogram<>) ? MetricKind.Histogram
            : MetricKind.Gauge;
        // Observable instruments report their current (or, for counters, cumulative) value; Gauge<T> its latest.
        Adds = definition == typeof(Counter<>) || definition == typeof(UpDownCounter<>);
        Bounds = Kind == MetricKind.Histogram ? AdvisedBounds(instrument) ?? (instrument.Unit == "s" ? SecondsBounds : DefaultBounds) : [];
        Name = PrometheusText.MetricName(instrument.Name, instrument.Unit, Kind);
    }

    public Instrument Instrument { get; }

    public MetricKind Kind { get; }

    /// <summary>Whether measurements are increments (counters, up-down counters) rather than values to keep.</summary>
    public bool Adds { get; }

    /// <summary>Histogram bucket upper bounds, ascending, without +Inf.</summary>
    public double[] Bounds { get; }

    /// <summary>The family name in the exposition, with its unit (and <c>_total</c> for counters).</summary>
    public string Name { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_gate)
        {
            var series = Find(tags);
            switch (Kind)
            {
                case MetricKind.Histogram:
                    int bucket = 0;
                    while (bucket < Bounds.Length && value > Bounds[bucket])
                    {
                        bucket++;
                    }
                    series.Buckets[bucket]++;
                    series.Count++;
                    series.Value += value;
                    break;
                default:
                    series.Value = Adds ? series.Value + value : value;
                    break;
            }
        }
    }

    /// <summary>Runs <paramref name="write"/> over every series under the lock, so a scrape sees each series whole.</summary>
    public void Visit(Action<InstrumentAggregate, MetricSeries> write)
    {
        lock (_gate)
        {
            foreach (var series in _series)
            {
                write(this, series);
            }
        }
    }

    private MetricSeries Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var series in _series)
        {
            if (Matches(series.Labels, tags))
            {
                return series;
            }
        }
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (int i = 0; i < tags.Length; i++)
        {
            labels[i] = new(tags[i].Key, Text(tags[i].Value));
        }
        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var added = new MetricSeries(labels, Bounds.Length + 1);
        _series.Add(added);
        return added;
    }

    private static bool Matches(KeyValuePair<string, string>[] labels, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (labels.Length != tags.Length)
        {
            return false;
        }
        foreach (var label in labels)
        {
            bool found = false;
            foreach (var tag in tags)
            {
                if (tag.Key == label.Key)
                {
                    found = tag.Value is string s ? s == label.Value : Text(tag.Value) == label.Value;
                    break;
                }
            }
            if (!found)
            {
                return false;
            }
        }
        return true;
    }

    private static string Text(object? value) => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static double[]? AdvisedBounds(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds],
        Histogram<float> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(b => (double)b)],
        Histogram<long> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(b => (double)b)],
        Histogram<int> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(b => (double)b)],
        _ => null,
    };
}
