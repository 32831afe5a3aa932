using System.Diagnostics.Metrics;
using TwinWorld.Server.Metrics;

namespace TwinWorld.Server.Tests.Metrics;

/// <summary>What the bridge exports (through prometheus-net) parses back as the Prometheus text format, with the names README lists and the values recorded.</summary>
public sealed class MeterBridgeTests : IDisposable
{
    private readonly string _prefix = $"TwinWorld.Test{Guid.NewGuid():N}";
    private readonly Meter _meter;
    private readonly MeterBridge _collector;

    public MeterBridgeTests()
    {
        _meter = new Meter(_prefix);
        _collector = new MeterBridge(null, _prefix, processMetrics: false);
    }

    public void Dispose()
    {
        _collector.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Counters_get_total_and_their_unit_and_sum_per_tag_set()
    {
        var sent = _meter.CreateCounter<long>("twinworld.net.sent", "By", "Bytes sent");
        sent.Add(100, new("role", "viewer"), new("channel", "state"));
        sent.Add(50, new("channel", "state"), new("role", "viewer"));
        sent.Add(7, new("role", "author"), new("channel", "control"));

        var text = Exposition.Parse(_collector.Scrape());

        Assert.Equal("counter", text.Types["twinworld_net_sent_bytes_total"]);
        Assert.Equal("Bytes sent", text.Help["twinworld_net_sent_bytes_total"]);
        Assert.Equal(150, text.Value("twinworld_net_sent_bytes_total", ("role", "viewer"), ("channel", "state")));
        Assert.Equal(7, text.Value("twinworld_net_sent_bytes_total", ("role", "author")));
        Assert.Equal(2, text.Samples.Count);
    }

    [Fact]
    public void Histograms_have_cumulative_buckets_ending_in_inf_a_sum_and_a_count()
    {
        var duration = _meter.CreateHistogram("twinworld.tick.duration", "ms", "Tick time",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10] });
        foreach (double ms in new[] { 0.5, 1, 3, 7, 12, 40 })
        {
            duration.Record(ms);
        }

        var text = Exposition.Parse(_collector.Scrape());

        Assert.Equal("histogram", text.Types["twinworld_tick_duration_ms"]);
        Assert.Equal(2, text.Value("twinworld_tick_duration_ms_bucket", ("le", "1")));
        Assert.Equal(3, text.Value("twinworld_tick_duration_ms_bucket", ("le", "5")));
        Assert.Equal(4, text.Value("twinworld_tick_duration_ms_bucket", ("le", "10")));
        Assert.Equal(6, text.Value("twinworld_tick_duration_ms_bucket", ("le", "+Inf")));
        Assert.Equal(63.5, text.Value("twinworld_tick_duration_ms_sum"), 9);
        Assert.Equal(6, text.Value("twinworld_tick_duration_ms_count"));
    }

    [Fact]
    public void Seconds_histograms_without_advice_get_second_sized_buckets()
    {
        var latency = _meter.CreateHistogram<double>("twinworld.generation.latency", "s");
        latency.Record(0.03, new KeyValuePair<string, object?>("source", "model"));

        var text = Exposition.Parse(_collector.Scrape());

        Assert.Equal(0, text.Value("twinworld_generation_latency_seconds_bucket", ("source", "model"), ("le", "0.025")));
        Assert.Equal(1, text.Value("twinworld_generation_latency_seconds_bucket", ("source", "model"), ("le", "0.05")));
    }

    [Fact]
    public void Observable_gauges_are_read_at_each_scrape_and_up_down_counters_are_gauges()
    {
        int agents = 10;
        _meter.CreateObservableGauge("twinworld.world.agents", () => agents, "{agent}", "Agents");
        var queued = _meter.CreateUpDownCounter<int>("twinworld.test.queued");
        queued.Add(5);
        queued.Add(-2);

        var first = Exposition.Parse(_collector.Scrape());
        agents = 12;
        var second = Exposition.Parse(_collector.Scrape());

        Assert.Equal("gauge", first.Types["twinworld_world_agents"]);
        Assert.Equal(10, first.Value("twinworld_world_agents"));
        Assert.Equal(12, second.Value("twinworld_world_agents"));
        Assert.Equal("gauge", first.Types["twinworld_test_queued"]);
        Assert.Equal(3, second.Value("twinworld_test_queued"));
    }

    [Fact]
    public void Names_are_sanitised_and_label_values_and_help_are_escaped()
    {
        var odd = _meter.CreateCounter<int>("twinworld.odd-name/with spaces", null, "line one\nline \\two");
        odd.Add(1, new KeyValuePair<string, object?>("camera.id", 7), new KeyValuePair<string, object?>("note", "say \"hi\"\\now\nnext"));

        var text = Exposition.Parse(_collector.Scrape());

        var sample = Assert.Single(text.Samples);
        Assert.Equal("twinworld_odd_name_with_spaces_total", sample.Name);
        Assert.Equal("7", sample.Labels["camera_id"]);
        Assert.Equal("say \"hi\"\\now\nnext", sample.Labels["note"]);
        Assert.Equal("line one\nline \\two", text.Help["twinworld_odd_name_with_spaces_total"]);
    }

    [Fact]
    public void Meters_of_other_names_or_other_hosts_are_left_out()
    {
        using var other = new Meter("Elsewhere" + _prefix);
        other.CreateCounter<int>("elsewhere.count").Add(1);
        using var factory = new OwnMeterFactory();
        factory.Create(_prefix).CreateCounter<int>("twinworld.other_host").Add(1);
        _meter.CreateCounter<int>("twinworld.here").Add(1);

        var text = Exposition.Parse(_collector.Scrape());

        Assert.Equal("twinworld_here_total", Assert.Single(text.Samples).Name);
    }

    /// <summary>A second host's meter factory: its meters are scoped to it.</summary>
    private sealed class OwnMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
