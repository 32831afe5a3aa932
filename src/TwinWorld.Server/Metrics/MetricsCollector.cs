using System.Diagnostics.Metrics;
using System.Numerics;
using System.Text;

namespace TwinWorld.Server.Metrics;

/// <summary>
/// Listens to every instrument of the TwinWorld meters (System.Diagnostics.Metrics) and keeps their
/// values for <c>/metrics</c>. Meters made by a host's <see cref="IMeterFactory"/> belong to that host:
/// only this host's, and unscoped ones, are collected, so hosts sharing a process do not mix figures.
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly List<InstrumentAggregate> _aggregates = [];

    /// <param name="scope">The host's meter factory; meters of other factories are left out.</param>
    /// <param name="meterPrefix">Meters whose names start with this are collected.</param>
    public MetricsCollector(IMeterFactory? scope, string meterPrefix = "TwinWorld")
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var meter = instrument.Meter;
            if (!meter.Name.StartsWith(meterPrefix, StringComparison.Ordinal) || (meter.Scope is not null && !ReferenceEquals(meter.Scope, scope)))
            {
                return;
            }
            var aggregate = new InstrumentAggregate(instrument);
            lock (_gate)
            {
                _aggregates.Add(aggregate);
            }
            listener.EnableMeasurementEvents(instrument, aggregate);
        };
        _listener.MeasurementsCompleted = (instrument, state) =>
        {
            lock (_gate)
            {
                _aggregates.Remove((InstrumentAggregate)state!);
            }
        };
        Listen<byte>();
        Listen<short>();
        Listen<int>();
        Listen<long>();
        Listen<float>();
        Listen<double>();
        Listen<decimal>();
        _listener.Start();
    }

    /// <summary>Reads the observable instruments, then writes every family in the text format.</summary>
    public string Scrape()
    {
        var text = new StringBuilder();
        lock (_gate)
        {
            _listener.RecordObservableInstruments();
            // Two instruments that map to one name (e.g. the same meter made twice) would be a duplicate family: the first wins.
            var written = new HashSet<string>();
            foreach (var aggregate in _aggregates.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                if (written.Add(aggregate.Name))
                {
                    PrometheusText.WriteFamily(text, aggregate);
                }
            }
        }
        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Listen<T>()
        where T : struct, INumberBase<T>
        => _listener.SetMeasurementEventCallback<T>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(double.CreateSaturating(value), tags));
}
