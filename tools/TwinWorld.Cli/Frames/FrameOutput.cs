using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Encoding;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;
using TwinWorld.Generation.Rendering;
using TwinWorld.Generation.Scheduling;
using TwinWorld.Replay.Frames;
using TwinWorld.Replay.Runs;
using TwinWorld.Scenarios.Running;
using TwinWorld.Torch;

namespace TwinWorld.Cli.Frames;

/// <summary>
/// <c>twin run --frames DIR</c>: films the scenario's cameras while it runs. After each tick it builds the conditions
/// of every camera whose frame is due and submits them to a <see cref="FrameScheduler"/>, then writes the frames that
/// have come as <c>DIR/&lt;camera&gt;/&lt;tick&gt;.jpg</c> (the tick zero-padded to six digits, so names sort in time).
/// Headless, it lets the generator finish the last due frames before it submits the next (made meanwhile, while the
/// simulation ran on), so every due frame is written; live, the run never waits and a frame that comes too late
/// for its camera is skipped, as the server does. With <c>--record</c>, every generated frame's hash goes into the
/// recording (<see cref="Record"/>), for <c>twin replay --frames</c>.
/// </summary>
internal sealed class FrameOutput : IDisposable
{
    private readonly ScenarioRun _run;
    private readonly FrameSettings _settings;
    private readonly string[] _names;
    private readonly CameraConditioner _conditioner;
    private readonly ReferenceRenderer _renderer;
    private readonly FrameScheduler _scheduler;
    private readonly FrameSubscription _feed;
    private readonly ModelManifest? _model;
    private readonly Dictionary<Entity, string> _cameraNames = [];
    private readonly Dictionary<string, int> _written = [];
    private readonly Dictionary<string, int> _sources = [];
    private Entity[]? _cameras;
    private int _submitted;
    private string? _writeError;

    private FrameOutput(ScenarioRun run, FrameSettings settings, string[] names, ModelManifest? model)
    {
        _run = run;
        _settings = settings;
        _names = names;
        _model = model;
        // A model's manifest sets the frame size; the renderer standing in for it draws at the same size.
        int size = settings.Resolution ?? ReferenceRenderer.DefaultResolution;
        var (width, height) = model is null ? (size, size) : (model.Width, model.Height);
        _conditioner = new CameraConditioner(run.Simulation, width, height);
        _renderer = new ReferenceRenderer(width, height);
        var options = new FrameSchedulerOptions
        {
            TickRateHz = run.Simulation.TickRateHz,
            DefaultFps = settings.Fps,
            JpegQuality = settings.JpegQuality,
            Deadline = settings.Deadline,
        };
        Func<IWorldModel>? load = model is null ? null : () => TorchWorldModel.LoadAndWarmUp(settings.Model!, settings.Device);
        _scheduler = new FrameScheduler(_renderer, load, options, new ConsoleLogger());
        _feed = _scheduler.Subscribe();
    }

    /// <summary>
    /// Checks the settings against the scenario and makes the folders; null with the reason when they cannot work
    /// (no cameras, an unknown camera, a folder that cannot be made, an option out of range).
    /// </summary>
    public static FrameOutput? Create(ScenarioRun run, FrameSettings settings, out string? error)
    {
        error = null;
        var cameras = run.Scenario.Cameras;
        if (cameras.Count == 0)
        {
            error = $"--frames: scenario '{run.Scenario.Name}' has no cameras to film; add one under cameras: "
                + "(e.g. {name: overview, mode: overhead, position: [512, 512, 800], pitch: -90}; see scenarios/README.md)";
            return null;
        }
        string[] names = settings.Camera is null ? [.. cameras.Select(c => c.Name)]
            : cameras.FirstOrDefault(c => string.Equals(c.Name, settings.Camera, StringComparison.OrdinalIgnoreCase)) is { } one ? [one.Name]
            : [];
        if (names.Length == 0)
        {
            error = $"--camera {settings.Camera}: scenario '{run.Scenario.Name}' has no such camera; its cameras are {string.Join(", ", cameras.Select(c => c.Name))}";
            return null;
        }
        try
        {
            foreach (string name in names)
            {
                Directory.CreateDirectory(Path.Combine(settings.Folder, name));
            }
            var model = settings.Model is null ? null : ModelManifest.Load(settings.Model);
            if (model is not null && settings.Resolution is { } size && (size != model.Width || size != model.Height))
            {
                error = $"--resolution {size}: the world model {model.Name} draws {model.Width} x {model.Height} frames; add --model renderer for {size} x {size} frames from the reference renderer";
                return null;
            }
            return new FrameOutput(run, settings, names, model);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"--frames {settings.Folder}: cannot make the folder: {e.Message}";
        }
        catch (ManifestException e)
        {
            error = $"--model: {e.Message}";
        }
        catch (Exception e) when (e is ArgumentException or JpegException)
        {
            error = $"--frames: {e.Message}";
        }
        return null;
    }

    /// <summary>
    /// Records what generates the frames and, from now on, every generated frame's camera, tick, source and hash.
    /// Call before the first tick.
    /// </summary>
    public void Record(RunRecorder recorder)
    {
        recorder.RecordGenerator(Identity(_settings.Model, _model, _settings.Device, _renderer.Manifest.Width, _renderer.Manifest.Height));
        _scheduler.Generated += batch => recorder.RecordFrames([.. batch.Select(frame =>
            new RecordedFrame(frame.Camera, frame.Tick, frame.PreviousTick, frame.Source == FrameSource.Model, frame.PixelHash))]);
    }

    /// <summary>
    /// What makes frames of this size with this model (its manifest at <paramref name="manifestPath"/>) on this device,
    /// with libtorch's threads as they are now, or with the renderer alone.
    /// </summary>
    public static GeneratorIdentity Identity(string? manifestPath, ModelManifest? model, string device, int width, int height) =>
        model is null
            ? GeneratorIdentity.OfRenderer(FrameHash.GenerationBuild, width, height)
            : GeneratorIdentity.OfModel(FrameHash.GenerationBuild, model.Name, manifestPath, FrameHash.OfModelFile(model.ModelPath), device,
                TorchRuntime.IsAvailable ? TorchRuntime.Threads : 0, width, height);

    /// <summary>On the tick thread, after each tick: submits the due cameras' conditions and writes the frames that have come.</summary>
    public void AfterTick()
    {
        var simulation = _run.Simulation;
        if (_cameras is null)
        {
            var specs = _names.Select(name => _run.Scenario.Cameras.First(c => c.Name == name)).ToList();
            _cameras = ScenarioCameras.Find(simulation, specs);
            for (int i = 0; i < _cameras.Length; i++)
            {
                _cameraNames[_cameras[i]] = _names[i];
            }
        }
        var due = _cameras.Where(camera => _scheduler.IsDue(camera, simulation.Tick)).ToList();
        if (due.Count > 0 && _settings.EveryFrame)
        {
            // The last due frames were made while the ticks since ran, so this rarely waits; it keeps them from being replaced.
            _scheduler.WaitForIdle(Timeout.InfiniteTimeSpan);
        }
        // Before submitting: a camera's new frame would replace its last one in the feed if that were still unread.
        WriteArrived();
        foreach (var camera in due)
        {
            _scheduler.Submit(_conditioner.Build(camera));
            _submitted++;
        }
    }

    /// <summary>Waits for the frames still being made, writes them, and returns the summary lines (and whether writing failed).</summary>
    public (IReadOnlyList<string> Lines, bool Failed) Finish()
    {
        _scheduler.WaitForIdle(Timeout.InfiniteTimeSpan);
        WriteArrived();
        int written = _written.Values.Sum();
        var lines = new List<string>
        {
            $"Frames: {written:N0} written to {_settings.Folder} ({string.Join(", ", _names.Select(n => $"{n} {_written.GetValueOrDefault(n):N0}"))}), "
                + $"{_settings.Fps:0.##} a second of simulated time per camera at {_renderer.Manifest.Width} x {_renderer.Manifest.Height}: "
                + string.Join(", ", _sources.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} {s.Key}")) + ".",
        };
        if (_submitted > written && _writeError is null)
        {
            lines.Add($"{_submitted - written:N0} of {_submitted:N0} due frames were skipped: a newer one of the camera came before they were made.");
        }
        if (_writeError is not null)
        {
            lines.Add(_writeError);
        }
        return (lines, _writeError is not null);
    }

    private void WriteArrived()
    {
        while (_feed.TryRead(out var frame))
        {
            if (_writeError is not null)
            {
                continue;
            }
            string name = _cameraNames[frame.Camera];
            string path = Path.Combine(_settings.Folder, name, $"{frame.Tick:D6}.jpg");
            try
            {
                File.WriteAllBytes(path, frame.Jpeg);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full disk or a folder taken away: the run goes on, without frames.
                _writeError = $"--frames: cannot write {path}: {e.Message}; no more frames were written.";
                Console.Error.WriteLine(_writeError);
                continue;
            }
            _written[name] = _written.GetValueOrDefault(name) + 1;
            string source = frame.Source == FrameSource.Model ? "by the model"
                : frame.Fallback is { } reason ? $"by the renderer in the model's place ({reason.ToString().ToLowerInvariant()})"
                : "by the reference renderer";
            _sources[source] = _sources.GetValueOrDefault(source) + 1;
        }
    }

    public void Dispose()
    {
        _feed.Dispose();
        _scheduler.Dispose();
        _renderer.Dispose();
    }
}
