using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using TwinWorld.Server.Metrics;

namespace TwinWorld.Bench.Metrics;

/// <summary>
/// The cost of /metrics (the meter bridge into prometheus-net) on the threads that record: a counter with two tags (bytes sent
/// per message on the network thread, role and channel), a histogram with no tags (tick duration on the
/// tick thread), and a whole scrape: 15 counter series, a 12-bucket histogram and a gauge (33 sample lines).
/// </summary>
[MemoryDiagnoser]
public class MetricsRecording
{
    private static readonly string[] Roles = ["viewer", "player", "author", "analyst", "admin"];
    private static readonly string[] Channels = ["control", "state", "frames"];

    private Meter _meter = null!;
    private MeterBridge _collector = null!;
    private Counter<long> _sent = null!;
    private Histogram<double> _duration = null!;
    private int _i;

    [GlobalSetup]
    public void Setup()
    {
        _meter = new Meter("TwinWorld.Bench");
        _collector = new MeterBridge(null, "TwinWorld.Bench", processMetrics: false);
        _sent = _meter.CreateCounter<long>("twinworld.net.sent", "By");
        _duration = _meter.CreateHistogram("twinworld.tick.duration", "ms", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1000] });
        _meter.CreateObservableGauge("twinworld.world.agents", () => 2000);
        foreach (string role in Roles)
        {
            foreach (string channel in Channels)
            {
                _sent.Add(1, new("role", role), new("channel", channel));
            }
        }
        _duration.Record(1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _collector.Dispose();
        _meter.Dispose();
    }

    [Benchmark]
    public void CounterWithTwoTags()
    {
        int i = _i++;
        _sent.Add(300, new("role", Roles[i % Roles.Length]), new("channel", Channels[i % Channels.Length]));
    }

    [Benchmark]
    public void Histogram() => _duration.Record((_i++ % 100) * 0.05);

    [Benchmark]
    public int Scrape() => _collector.Scrape().Length;
}
