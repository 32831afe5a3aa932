using System.Diagnostics.Metrics;

namespace TwinWorld.Generation.Scheduling;

/// <summary>
/// The scheduler's counters on the "TwinWorld.Generation" meter. Instrument names are dotted and tags lower-case so
/// the Prometheus exposition turns them into <c>twinworld_generation_frames_total{source="model"}</c> and the like.
/// </summary>
internal sealed class GenerationMetrics : IDisposable
{
    public const string MeterName = "TwinWorld.Generation";

    private readonly bool _ownsMeter;
    private readonly Counter<long> _frames;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _lateResults;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _latency;

    /// <param name="factory">The host's meter factory, which owns the meter; without one the meter is this object's own.</param>
    public GenerationMetrics(IMeterFactory? factory)
    {
        _ownsMeter = factory is null;
        Meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _frames = Meter.CreateCounter<long>("twinworld.generation.frames", "{frame}", "Frames delivered, by source (model or renderer)");
        _dropped = Meter.CreateCounter<long>("twinworld.generation.dropped", "{frame}", "Requests never generated: replaced by a newer one for the camera (stale), cut by shutdown, or lost to a failure");
        _fallbacks = Meter.CreateCounter<long>("twinworld.generation.fallbacks", "{frame}", "Renderer frames sent in place of the model's, by reason (error, deadline, unavailable)");
        _lateResults = Meter.CreateCounter<long>("twinworld.generation.late_results", "{frame}", "Model frames that came after their deadline and were discarded");
        _batchSize = Meter.CreateHistogram<int>("twinworld.generation.batch_size", "{camera}", "Cameras generated together in one pass");
        _latency = Meter.CreateHistogram<double>("twinworld.generation.latency", "s", "From submission on the tick thread to the encoded frame, by source");
    }

    public Meter Meter { get; }

    public void Delivered(FrameSource source, TimeSpan latency)
    {
        var tag = new KeyValuePair<string, object?>("source", Name(source));
        _frames.Add(1, tag);
        _latency.Record(latency.TotalSeconds, tag);
    }

    public void Dropped(string reason, int count = 1) => _dropped.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public void FellBack(FallbackReason reason, int count) => _fallbacks.Add(count, new KeyValuePair<string, object?>("reason", Name(reason)));

    public void Late(int count) => _lateResults.Add(count);

    public void Batch(int size) => _batchSize.Record(size);

    public static string Name(FrameSource source) => source == FrameSource.Model ? "model" : "renderer";

    public static string Name(FallbackReason reason) => reason switch
    {
        FallbackReason.Error => "error",
        FallbackReason.Deadline => "deadline",
        _ => "unavailable",
    };

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
