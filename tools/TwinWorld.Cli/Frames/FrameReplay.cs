using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;
using TwinWorld.Generation.Rendering;
using TwinWorld.Replay.Frames;
using TwinWorld.Replay.Runs;
using TwinWorld.Scenarios.Running;
using TwinWorld.Torch;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Frames;

/// <summary>
/// <c>twin replay --frames</c>: regenerates the frames a recording holds hashes of, from the replayed world, and
/// compares. It rebuilds each recorded frame's conditions at its tick (and the camera's conditions before them, which
/// its motion is measured from), generates the recorded generation calls in their order with the same batches,
/// sources and context frames, and hashes the raw pixels. Frames the live run dropped were never recorded, so they
/// are not regenerated. Only meaningful under the recorded <see cref="GeneratorIdentity"/>.
/// </summary>
internal sealed class FrameReplay : IDisposable
{
    private readonly RunRecording _recording;
    private readonly ReferenceRenderer _renderer;
    private readonly IWorldModel? _model;
    private readonly Dictionary<long, List<Entity>> _builds = [];
    private readonly HashSet<(Entity Camera, long Tick)> _wanted = [];
    private readonly Dictionary<(Entity Camera, long Tick), CameraConditions> _built = [];
    private readonly Dictionary<Entity, Queue<RgbImage>> _history = [];
    private readonly Dictionary<Entity, string> _names = [];
    private readonly int _keep;
    private CameraConditioner? _conditioner;
    private int _next;

    private FrameReplay(RunRecording recording, GeneratorIdentity identity, IWorldModel? model)
    {
        _recording = recording;
        _renderer = new ReferenceRenderer(identity.Width, identity.Height);
        _model = model;
        _keep = Math.Max(_renderer.Manifest.ContextFrames, model?.Manifest.ContextFrames ?? 0);
        foreach (var frame in recording.FrameBatches.SelectMany(batch => batch))
        {
            _wanted.Add((frame.Camera, frame.Tick));
            Plan(frame.Camera, frame.Tick);
            if (frame.PreviousTick >= 0)
            {
                Plan(frame.Camera, frame.PreviousTick);
            }
        }
    }

    /// <summary>Frames regenerated with the recorded hash, and with another.</summary>
    public int Matched { get; private set; }

    public int Mismatched { get; private set; }

    /// <summary>The first frame that came out different: its camera's name, tick, source and both hashes.</summary>
    public string? FirstMismatch { get; private set; }

    /// <summary>Frames recorded in all.</summary>
    public int Recorded => _wanted.Count;

    /// <summary>
    /// A checker for the recording's frames, or null with the sentence to print and the exit code: 2 when it has no
    /// frame hashes, when the model cannot be loaded, or when this replay would generate them differently from the
    /// run (another model file, device, frame size or generation build), which says nothing about the world.
    /// </summary>
    public static FrameReplay? Create(RunRecording recording, string? modelOverride, string? deviceOverride, out string? problem)
    {
        problem = null;
        if (recording.Generator is not { } recorded)
        {
            problem = $"--frames: {recording.Path} has no frame hashes: the run was not filmed with --frames (or the server generated no frames), or it was recorded before TwinWorld kept them.";
            return null;
        }
        string? manifestPath = modelOverride ?? recorded.ModelManifest;
        string device = deviceOverride ?? recorded.Device;
        ModelManifest? manifest = null;
        try
        {
            manifest = manifestPath is null ? null : ModelManifest.Load(manifestPath);
        }
        catch (ManifestException e)
        {
            problem = $"--frames: the recording's frames were made by model {recorded.Model}, whose manifest cannot be used here: {e.Message} (--model names another copy).";
            return null;
        }
        if (manifest is not null && device == "cpu" && recorded.Threads > 0 && TorchRuntime.IsAvailable)
        {
            // A setting, not the machine: replay with the run's.
            TorchRuntime.Threads = recorded.Threads;
        }
        var here = FrameOutput.Identity(manifestPath, manifest, device, manifest?.Width ?? recorded.Width, manifest?.Height ?? recorded.Height);
        if (!here.Matches(recorded))
        {
            problem = $"--frames: recorded with {recorded}; replaying with {here}: frame hashes not comparable, so the frames were not checked.";
            return null;
        }
        IWorldModel? model = null;
        if (manifest is not null && recording.FrameBatches.Any(batch => batch.Any(frame => frame.ByModel)))
        {
            try
            {
                // Warmed up as the run's model was: the executor's optimisation pass is part of how it computes.
                model = TorchWorldModel.LoadAndWarmUp(manifestPath!, device);
            }
            catch (Exception e) when (e is TorchException or DllNotFoundException or IOException)
            {
                problem = $"--frames: cannot load model {manifest.Name} on {device}: {e.Message}";
                return null;
            }
        }
        return new FrameReplay(recording, recorded, model);
    }

    /// <summary>After each replayed tick: builds the conditions wanted at this point and regenerates every recorded call they complete.</summary>
    public void AfterTick(ScenarioRun run)
    {
        var simulation = run.Simulation;
        if (_conditioner is null)
        {
            _conditioner = new CameraConditioner(simulation, _renderer.Manifest.Width, _renderer.Manifest.Height);
            var cameras = ScenarioCameras.Find(simulation, run.Scenario.Cameras);
            for (int i = 0; i < cameras.Length; i++)
            {
                _names[cameras[i]] = run.Scenario.Cameras[i].Name;
            }
        }
        if (_builds.Remove(simulation.Tick, out var due))
        {
            foreach (var camera in due)
            {
                var conditions = _conditioner.Build(camera);
                if (_wanted.Contains((camera, simulation.Tick)))
                {
                    _built[(camera, simulation.Tick)] = conditions;
                }
            }
        }
        var batches = _recording.FrameBatches;
        while (_next < batches.Count && batches[_next].All(frame => _built.ContainsKey((frame.Camera, frame.Tick))))
        {
            Regenerate(batches[_next++], run.Scenario.TickRateHz);
        }
    }

    /// <summary>"1,234 frames regenerated bit for bit", or what differed, or how many the replay did not reach.</summary>
    public string Summary()
    {
        int missed = Recorded - Matched - Mismatched;
        string reached = missed > 0 ? $"; {missed:N0} not reached" : "";
        return Mismatched == 0
            ? $"Frames: {Matched:N0} of {Recorded:N0} regenerated bit for bit{reached}."
            : $"Frames: {Mismatched:N0} of {Recorded:N0} regenerated differently{reached}, under the same generator; the first was {FirstMismatch}.";
    }

    private void Plan(Entity camera, long tick)
    {
        if (!_builds.TryGetValue(tick, out var cameras))
        {
            _builds[tick] = cameras = [];
        }
        if (!cameras.Contains(camera))
        {
            cameras.Add(camera);
        }
    }

    /// <summary>One recorded generation call, as the scheduler made it: the same batch, source and context frames.</summary>
    private void Regenerate(IReadOnlyList<RecordedFrame> batch, double tickRateHz)
    {
        var generator = batch[0].ByModel && _model is not null ? _model : _renderer;
        int contextFrames = generator.Manifest.ContextFrames;
        var inputs = batch.Select(frame =>
        {
            var history = _history.TryGetValue(frame.Camera, out var kept) ? kept.ToArray() : [];
            _built.Remove((frame.Camera, frame.Tick), out var conditions);
            return new GenerationInput(conditions!, history[Math.Max(0, history.Length - contextFrames)..]);
        }).ToList();
        var frames = new List<RgbImage>(inputs.Count);
        for (int start = 0; start < inputs.Count; start += generator.Manifest.MaxBatch)
        {
            frames.AddRange(generator.Generate(inputs.GetRange(start, Math.Min(generator.Manifest.MaxBatch, inputs.Count - start))));
        }
        for (int i = 0; i < batch.Count; i++)
        {
            var recorded = batch[i];
            if (!_history.TryGetValue(recorded.Camera, out var history))
            {
                _history[recorded.Camera] = history = new Queue<RgbImage>();
            }
            history.Enqueue(frames[i]);
            while (history.Count > _keep)
            {
                history.Dequeue();
            }
            ulong hash = FrameHash.Of(frames[i]);
            if (hash == recorded.Hash)
            {
                Matched++;
                continue;
            }
            Mismatched++;
            FirstMismatch ??= $"camera {_names.GetValueOrDefault(recorded.Camera, recorded.Camera.ToString())} at tick {recorded.Tick:N0} "
                + $"({Duration.Format(TimeSpan.FromSeconds(recorded.Tick / tickRateHz))}), made by the {(recorded.ByModel ? "model" : "renderer")}: "
                + $"recorded hash {recorded.Hash:X16}, regenerated {hash:X16}";
        }
    }

    public void Dispose()
    {
        _model?.Dispose();
        _renderer.Dispose();
    }
}
