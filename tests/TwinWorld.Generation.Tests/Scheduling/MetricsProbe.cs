using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TwinWorld.Generation.Tests.Scheduling;

/// <summary>Listens to one meter's instruments and adds up what they record, overall and by each tag value.</summary>
internal sealed class MetricsProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _values = new();

    public MetricsProbe(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of an instrument's measurements, all of them or those with a tag such as "reason=stale".</summary>
    public double Sum(string instrument, string? tag = null) => _sums.GetValueOrDefault(tag is null ? instrument : $"{instrument}{{{tag}}}");

    /// <summary>Every value an instrument recorded (for histograms).</summary>
    public IReadOnlyList<double> Values(string instrument) => _values.TryGetValue(instrument, out var queue) ? [.. queue] : [];

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
        foreach (var tag in tags)
        {
            _sums.AddOrUpdate($"{instrument.Name}{{{tag.Key}={tag.Value}}}", value, (_, sum) => sum + value);
        }
        _values.GetOrAdd(instrument.Name, _ => new()).Enqueue(value);
    }

    public void Dispose() => _listener.Dispose();
}
