using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Models;
using TwinWorld.Generation.Rendering;
using TwinWorld.Generation.Scheduling;
using TwinWorld.Generation.Frames;
using TwinWorld.Net.Frames;
using TwinWorld.Replay.Frames;
using TwinWorld.Server.Recording;
using TwinWorld.Server.Networking;
using TwinWorld.Server.Ticking;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Torch;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Server.Generation;

/// <summary>
/// The server's cameras' frames. After each tick (on the tick thread) it builds the conditions of every
/// camera whose frame is due and hands them to the <see cref="FrameScheduler"/>, which generates beside
/// the tick; a pump forwards each encoded frame to the network, newest first. Cameras that are gone are
/// forgotten. Nothing here waits on the generator. When the run is recorded, every generated frame's hash goes into
/// the recording (from the generation thread), for <c>twin replay --frames</c>.
/// </summary>
internal sealed class FrameService(Sim simulation, NetworkService network, ServerRecorder recording, IOptions<GenerationOptions> options, ILogger<FrameService> logger, IMeterFactory meters)
    : IHostedService, ITickListener, IDisposable
{
    private static readonly QueryDescription Cameras = new QueryDescription().WithAll<CameraPose, CameraRig>();

    private readonly List<Entity> _cameras = [];
    private readonly List<(Entity Camera, bool Watched, long Since)> _due = [];
    private readonly Dictionary<Entity, long> _lastConditioned = [];
    private readonly HashSet<Entity> _known = [];
    private readonly CancellationTokenSource _stopping = new();
    private volatile FrameScheduler? _scheduler;
    private CameraConditioner? _conditioner;
    private ReferenceRenderer? _renderer;
    private Task _pump = Task.CompletedTask;
    private readonly double _budgetMs = options.Value.ConditioningBudgetMs;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Frame generation is off (Generation:Enabled=false)");
            return Task.CompletedTask;
        }
        var (width, height, load, manifest) = Model(settings);
        _renderer = new ReferenceRenderer(width, height);
        _conditioner = new CameraConditioner(simulation, width, height);
        var scheduler = new FrameScheduler(_renderer, load, new FrameSchedulerOptions
        {
            TickRateHz = simulation.TickRateHz,
            DefaultFps = settings.Fps,
            JpegQuality = settings.JpegQuality,
            Deadline = TimeSpan.FromMilliseconds(settings.DeadlineMs),
            MaxBatch = settings.MaxBatch,
        }, logger, meters);
        if (recording.Recorder is { } recorder)
        {
            // The recorder started first (hosted services start in order) and finishes after the scheduler has stopped.
            recorder.RecordGenerator(manifest is null
                ? GeneratorIdentity.OfRenderer(FrameHash.GenerationBuild, width, height)
                : GeneratorIdentity.OfModel(FrameHash.GenerationBuild, manifest.Name, ServerPaths.Resolve(settings.Model!), FrameHash.OfModelFile(manifest.ModelPath), settings.Device,
                    settings.Threads, width, height));
            scheduler.Generated += batch => recorder.RecordFrames([.. batch.Select(frame =>
                new RecordedFrame(frame.Camera, frame.Tick, frame.PreviousTick, frame.Source == FrameSource.Model, frame.PixelHash))]);
        }
        var feed = scheduler.Subscribe();
        _pump = Task.Run(() => Pump(feed));
        _scheduler = scheduler;
        logger.LogInformation("Generating {Width} x {Height} frames at {Fps} a second per camera with {Generator}", width, height, settings.Fps,
            scheduler.Model is { } model ? $"the world model {model.Name} on {settings.Device}" : "the reference renderer");
        return Task.CompletedTask;
    }

    /// <summary>
    /// The frame size and the model loader. A manifest that cannot be read or breaks the contract is logged and
    /// the renderer makes every frame; a model file that fails to load (or a model that throws) is the scheduler's
    /// to fall back from and retry, so the server runs on either way.
    /// </summary>
    private (int Width, int Height, Func<IWorldModel>? Load, ModelManifest? Manifest) Model(GenerationOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Model))
        {
            return (settings.Resolution, settings.Resolution, null, null);
        }
        string path = ServerPaths.Resolve(settings.Model);
        try
        {
            var manifest = ModelManifest.Load(path);
            return (manifest.Width, manifest.Height, () =>
            {
                // Here, not above: without the libtorch shim this throws, and the scheduler falls back.
                TorchRuntime.Threads = settings.Threads;
                return TorchWorldModel.LoadAndWarmUp(path, settings.Device);
            }, manifest);
        }
        catch (ManifestException e)
        {
            logger.LogError("Generation:Model: {Problem}; the reference renderer makes every frame", e.Message);
            return (settings.Resolution, settings.Resolution, null, null);
        }
    }

    public TickStage Stage => TickStage.Generate;

    /// <summary>Tick thread: conditions for the cameras whose frames are due.</summary>
    public void AfterTick(Sim simulation, TickReport report)
    {
        if (_scheduler is not { } scheduler)
        {
            return;
        }
        _cameras.Clear();
        foreach (var chunk in simulation.World.GetChunks(Cameras))
        {
            foreach (var camera in chunk.Entities)
            {
                _cameras.Add(camera);
            }
        }
        foreach (var gone in _known.Where(camera => !simulation.World.IsAlive(camera)).ToList())
        {
            scheduler.RemoveCamera(gone);
            _conditioner!.Forget(gone);
            _known.Remove(gone);
            _lastConditioned.Remove(gone);
        }
        _due.Clear();
        foreach (var camera in _cameras)
        {
            _known.Add(camera);
            // Watched cameras go first when the generator cannot keep up with them all.
            int viewers = network.ViewersOf(camera.Id);
            scheduler.SetViewers(camera, viewers);
            if (scheduler.IsDue(camera, simulation.Tick))
            {
                _due.Add((camera, viewers > 0, _lastConditioned.GetValueOrDefault(camera, long.MinValue)));
            }
        }
        Condition(scheduler, simulation.Tick);
    }

    /// <summary>
    /// Conditions due cameras within the tick's budget: watched ones first, then whichever has waited longest; those
    /// left over stay due for the next tick. Conditioning a 256 x 256 perspective camera takes milliseconds, so 50
    /// players' cameras at once would hold the tick for hundreds.
    /// </summary>
    private void Condition(FrameScheduler scheduler, long tick)
    {
        _due.Sort((a, b) => a.Watched != b.Watched ? b.Watched.CompareTo(a.Watched) : a.Since.CompareTo(b.Since));
        long start = Stopwatch.GetTimestamp();
        foreach (var (camera, _, _) in _due)
        {
            scheduler.Submit(_conditioner!.Build(camera));
            _lastConditioned[camera] = tick;
            if (Stopwatch.GetElapsedTime(start).TotalMilliseconds >= _budgetMs)
            {
                break;
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        await _pump;
        Dispose();
    }

    public void Dispose()
    {
        var scheduler = _scheduler;
        _scheduler = null;
        scheduler?.Dispose();
        _renderer?.Dispose();
        _renderer = null;
    }

    private async Task Pump(FrameSubscription feed)
    {
        using (feed)
        {
            try
            {
                await foreach (var frame in feed.ReadAllAsync(_stopping.Token))
                {
                    var source = frame.Source == FrameSource.Model ? Protocol.V1.FrameSource.Model : Protocol.V1.FrameSource.Renderer;
                    network.PublishFrame(new CameraFrame(frame.Camera.Id, frame.Tick, frame.Width, frame.Height, frame.Jpeg, source));
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }
}
