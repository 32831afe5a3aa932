using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;

namespace TwinWorld.Generation.Scheduling;

/// <summary>
/// Owns the world model and the one thread that loads and calls it, so a slow or hung model holds up only this
/// thread: the generation thread waits for a call at most until the deadline and then sends renderer frames.
/// A model that fails to load or throws is logged once, then tried again after a back-off that doubles up to
/// <see cref="FrameSchedulerOptions.MaxRetryAfter"/>; until then callers are told why it is not available.
/// </summary>
internal sealed class ModelRunner : IDisposable
{
    private readonly Func<IWorldModel> _load;
    private readonly (int Width, int Height) _frameSize;
    private readonly FrameSchedulerOptions _options;
    private readonly GenerationMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();

    // Guarded by _gate.
    private ModelCall? _queued;
    private bool _busy;
    private long _retryAt;
    private FallbackReason _down = FallbackReason.Unavailable;
    private bool _stopping;

    // Model thread only.
    private IWorldModel? _model;
    private TimeSpan _backoff;
    private bool _failing;

    private volatile ModelManifest? _manifest;

    /// <summary>Starts the model thread and waits for the first attempt to load the model (which may fail).</summary>
    public ModelRunner(Func<IWorldModel> load, int width, int height, FrameSchedulerOptions options, GenerationMetrics metrics, ILogger logger)
    {
        _load = load;
        _frameSize = (width, height);
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _backoff = options.RetryAfter;
        _thread = new Thread(Run) { Name = "TwinWorld world model", IsBackground = true };
        _thread.Start();
        _firstLoad.Task.Wait();
    }

    /// <summary>The loaded model's manifest; null while it is not loaded.</summary>
    public ModelManifest? Manifest => _manifest;

    public bool ThreadAlive => _thread.IsAlive;

    /// <summary>Why the model cannot take a call now, or null if it can.</summary>
    public FallbackReason? Unavailable()
    {
        lock (_gate)
        {
            return UnavailableLocked();
        }
    }

    private FallbackReason? UnavailableLocked() =>
        _manifest is null ? FallbackReason.Unavailable
        : Stopwatch.GetTimestamp() < _retryAt ? _down
        : _busy ? FallbackReason.Deadline
        : null;

    /// <summary>
    /// Hands a batch to the model thread, built by <paramref name="inputs"/> for the model's context length; or says why
    /// the model cannot take it now (not loaded, backing off after an error, still busy with a call that missed its deadline).
    /// </summary>
    public FallbackReason? TryStart(Func<int, IReadOnlyList<GenerationInput>> inputs, out ModelCall? call)
    {
        call = null;
        lock (_gate)
        {
            if (UnavailableLocked() is { } reason)
            {
                return reason;
            }
            _queued = call = new ModelCall(inputs(_manifest!.ContextFrames));
            _busy = true;
            Monitor.PulseAll(_gate);
            return null;
        }
    }

    private void Run()
    {
        TryLoad();
        _firstLoad.SetResult();
        while (true)
        {
            var (call, stop) = Next();
            if (stop)
            {
                return;
            }
            if (call is null)
            {
                TryLoad();
            }
            else
            {
                Generate(call);
            }
        }
    }

    /// <summary>Waits for a queued call, or (while the model is not loaded) for the time to try loading it again.</summary>
    private (ModelCall? Call, bool Stop) Next()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_stopping)
                {
                    return (null, true);
                }
                if (_queued is { } call)
                {
                    _queued = null;
                    return (call, false);
                }
                if (_manifest is not null)
                {
                    Monitor.Wait(_gate);
                    continue;
                }
                long wait = _retryAt - Stopwatch.GetTimestamp();
                if (wait <= 0)
                {
                    return (null, false);
                }
                Monitor.Wait(_gate, Stopwatch.GetElapsedTime(0, wait));
            }
        }
    }

    private void TryLoad()
    {
        try
        {
            var model = _load();
            var manifest = model.Manifest;
            if ((manifest.Width, manifest.Height) != _frameSize)
            {
                model.Dispose();
                throw new ManifestException($"model \"{manifest.Name}\" makes {manifest.Width} x {manifest.Height} frames; this run's frames are {_frameSize.Width} x {_frameSize.Height}");
            }
            _model = model;
            _manifest = manifest;
            _logger.LogInformation(
                "World model \"{Name}\" loaded: {Width} x {Height}, {Context} context frames, batches of up to {MaxBatch}",
                manifest.Name, manifest.Width, manifest.Height, manifest.ContextFrames, manifest.MaxBatch);
            _failing = false;
            _backoff = _options.RetryAfter;
        }
        catch (Exception e)
        {
            // Any failure of the plug-in (a broken file, a missing native library) leaves the run on renderer frames.
            Failed(FallbackReason.Unavailable, "could not be loaded", e);
        }
    }

    private void Generate(ModelCall call)
    {
        IReadOnlyList<RgbImage>? frames = null;
        Exception? error = null;
        try
        {
            frames = _model!.Generate(call.Batch);
            Check(frames, call.Batch.Count);
            Recovered();
        }
        catch (Exception e)
        {
            frames = null;
            error = e;
            Failed(FallbackReason.Error, "failed", e);
        }
        lock (_gate)
        {
            _busy = false;
        }
        if (!call.Finish(frames, error))
        {
            _metrics.Late(call.Batch.Count);
        }
    }

    private void Check(IReadOnlyList<RgbImage> frames, int count)
    {
        if (frames.Count != count)
        {
            throw new InvalidOperationException($"the model returned {frames.Count} frames for {count} cameras");
        }
        foreach (var frame in frames)
        {
            if ((frame.Width, frame.Height) != _frameSize)
            {
                throw new InvalidOperationException($"the model returned a {frame.Width} x {frame.Height} frame; its manifest says {_frameSize.Width} x {_frameSize.Height}");
            }
        }
    }

    private void Failed(FallbackReason reason, string what, Exception e)
    {
        lock (_gate)
        {
            _down = reason;
            _retryAt = Stopwatch.GetTimestamp() + (long)(_backoff.TotalSeconds * Stopwatch.Frequency);
        }
        // Logged once per run of failures: a broken model must not flood the log at the frame rate.
        var level = _failing ? LogLevel.Debug : LogLevel.Warning;
        _logger.Log(level, e, "World model {What}: {Message}; sending reference renderer frames, trying the model again in {Seconds:0.###} s", what, e.Message, _backoff.TotalSeconds);
        _failing = true;
        _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, _options.MaxRetryAfter.Ticks));
    }

    private void Recovered()
    {
        if (_failing)
        {
            _logger.LogInformation("World model is working again; frames come from the model");
        }
        _failing = false;
        _backoff = _options.RetryAfter;
    }

    /// <summary>Stops the thread once the model's current call (if any) returns, and disposes the model.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        _thread.Join();
        _model?.Dispose();
    }
}
