namespace TwinWorld.Server.Metrics;

/// <summary>
/// One instrument's values for one set of tags: a running sum (counters), the last value (gauges), or
/// bucket counts, sum and count (histograms). Guarded by its <see cref="InstrumentAggregate"/>'s lock.
/// </summary>
internal sealed class MetricSeries(KeyValuePair<string, string>[] labels, int buckets)
{
    /// <summary>Tag keys and values as given, sorted by key so the exposition is stable.</summary>
    public KeyValuePair<string, string>[] Labels { get; } = labels;

    public double Value { get; set; }

    public long Count { get; set; }

    /// <summary>Per-bucket (not cumulative) counts; the last bucket is +Inf.</summary>
    public long[] Buckets { get; } = new long[buckets];
}
