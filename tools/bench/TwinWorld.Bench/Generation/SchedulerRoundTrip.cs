using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Models;
using TwinWorld.Generation.Rendering;
using TwinWorld.Generation.Scheduling;

namespace TwinWorld.Bench.Generation;

/// <summary>
/// From <see cref="FrameScheduler.Submit"/> of every camera's conditions for a tick to a reader holding all their JPEG
/// frames. With the <c>instant</c> generator (a model that costs nothing) it is the scheduler's own cost: the hand-over,
/// batching, context, the model thread's hand-off and wait, JPEG encoding, bookkeeping and delivery. With the
/// <c>renderer</c> (the reference renderer standing in as the model, on the overhead camera of <see cref="FrameScene"/>)
/// it is the end-to-end latency with a real generator. With one camera, that is one frame's latency.
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

    [Params("instant", "renderer")]
    public string Generator { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new InstantModel(Size, 0);
        Func<IWorldModel> model = Generator == "instant" ? () => new InstantModel(Size, 2) : () => new ReferenceRenderer(Size, Size, 2);
        _scheduler = new FrameScheduler(_renderer, model, new FrameSchedulerOptions { MaxBatch = 8, Deadline = TimeSpan.FromSeconds(10) });
        _feed = _scheduler.Subscribe();
        var view = Generator == "instant"
            ? BenchFrames.Conditions(Entity.Null, 0, Size)
            : new CameraConditioner(FrameScene.Simulation, Size, Size).Build(FrameScene.Camera("overhead"));
        _conditions = [.. Enumerable.Range(1, Cameras).Select(i => view with { Camera = new Entity(i, 1) })];
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
