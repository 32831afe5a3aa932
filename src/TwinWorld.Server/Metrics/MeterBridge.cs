using System.Diagnostics.Metrics;
using System.Numerics;
using System.Text;
using Prometheus;

namespace TwinWorld.Server.Metrics;

/// <summary>
/// Feeds every instrument of the TwinWorld meters (System.Diagnostics.Metrics, which the libraries use without
/// knowing about Prometheus) into a prometheus-net registry that <c>/metrics</c> exports, with the process's own
/// figures beside them. Listens from construction, so totals count from start-up. Meters made by a host's
/// <see cref="IMeterFactory"/> belong to that host: only this host's, and unscoped ones, are bridged, so hosts
/// sharing a process do not mix figures.
/// </summary>
/// <remarks>
/// Not prometheus-net's own meter adapter: measured with 8.2.1, it lost values recorded before it listened,
/// named metrics after their meter too (<c>twinworld_net_twinworld_net_sent</c>), exported a counter as a gauge
/// without <c>_total</c>, and added 75 families (32 of them msquic internals).
/// </remarks>
internal sealed class MeterBridge : IDisposable
{
    private readonly MeterListener _listener = new();

    /// <param name="scope">The host's meter factory; meters of other factories are left out.</param>
    /// <param name="meterPrefix">Meters whose names start with this are bridged.</param>
    /// <param name="processMetrics">Whether to add prometheus-net's process and .NET runtime figures (memory, CPU, GC).</param>
    public MeterBridge(IMeterFactory? scope, string meterPrefix = "TwinWorld", bool processMetrics = true)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        if (processMetrics)
        {
            DotNetStats.Register(Registry);
        }
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var meter = instrument.Meter;
            if (meter.Name.StartsWith(meterPrefix, StringComparison.Ordinal) && (meter.Scope is null || ReferenceEquals(meter.Scope, scope)))
            {
                listener.EnableMeasurementEvents(instrument, new BridgedInstrument(instrument, factory));
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
        Registry.AddBeforeCollectCallback(_listener.RecordObservableInstruments);
    }

    /// <summary>What <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    /// <summary>The exposition a scrape gets, as text (tests, benchmarks).</summary>
    public string Scrape()
    {
        using var text = new MemoryStream();
        Registry.CollectAndExportAsTextAsync(text).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(text.ToArray());
    }

    public void Dispose() => _listener.Dispose();

    private void Listen<T>()
        where T : struct, INumberBase<T>
        => _listener.SetMeasurementEventCallback<T>((_, value, tags, state) => ((BridgedInstrument)state!).Record(double.CreateSaturating(value), tags));
}
