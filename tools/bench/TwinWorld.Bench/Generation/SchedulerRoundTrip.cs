using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Scheduling;

namespace TwinWorld.Bench.Generation;

/// <summary>
/// The scheduler's cost per frame outside the model: <see cref="FrameScheduler.Submit"/> of every camera's conditions
/// for a tick, then waiting on a feed until all their JPEG frames have come, with a model that costs nothing. It covers
/// the hand-over, batching, context, the model thread's hand-off and wait, JPEG encoding, bookkeeping and delivery to
/// the reader. With one camera it is the end-to-end latency from submission to a consumer holding the encoded frame.
/// </summary>
[Config(typeof(Percentiles))]
[MemoryDiagnoser]
public class SchedulerRoundTrip
{
    private FrameScheduler _scheduler = null!;
    private FrameSubscription _feed = null!;
    private InstantModel _renderer = null!;
    private CameraConditions[] _conditions = [];
    private long _tick;

    [Params(1, 8)]
    public int Cameras { get; set; }

    [Params(64, 256)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new InstantModel(Size, 0);
        _scheduler = new FrameScheduler(_renderer, () => new InstantModel(Size, 2), new FrameSchedulerOptions { MaxBatch = 8, Deadline = TimeSpan.FromSeconds(10) });
        _feed = _scheduler.Subscribe();
        _conditions = [.. Enumerable.Range(1, Cameras).Select(i => BenchFrames.Conditions(new Entity(i, 1), 0, Size))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _feed.Dispose();
        _scheduler.Dispose();
        _renderer.Dispose();
    }

    /// <summary>One tick's frames for every camera (divide by <see cref="Cameras"/> for a frame's share). Conditions are built once: only their tick changes.</summary>
    [Benchmark]
    public void SubmitToEncoded()
    {
        long tick = ++_tick;
        foreach (var conditions in _conditions)
        {
            _scheduler.Submit(conditions with { Tick = tick });
        }
        for (int received = 0; received < _conditions.Length;)
        {
            var frame = _feed.ReadAsync().AsTask().GetAwaiter().GetResult();
            if (frame.Source != FrameSource.Model)
            {
                throw new InvalidOperationException($"a {frame.Source} frame ({frame.Fallback}): the benchmark would time the fallback");
            }
            received += frame.Tick == tick ? 1 : 0;
        }
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95);
    }
}
