using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Encoding;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;

namespace TwinWorld.Generation.Scheduling;

/// <summary>
/// Generates camera frames beside the tick (ARCHITECTURE.md, "One tick"). The tick thread asks <see cref="IsDue"/> and
/// hands over immutable conditions with <see cref="Submit"/>, which never waits for generation: a camera's request not
/// yet started is replaced by its newer one (latest wins). The generation thread takes waiting requests, cameras with
/// viewers first and otherwise the longest waiting (so when more cameras are due than it can make, they take turns and
/// none starves: an unwatched camera goes ahead of watched ones once it has waited <see cref="WatchedLead"/> longer),
/// batches them into one model call with each camera's previous frames as context, and delivers JPEG
/// frames to every feed (<see cref="Subscribe"/>). A model that misses the deadline, throws or cannot be loaded is replaced by
/// the reference renderer's frames for those cameras, and the run goes on.
/// </summary>
/// <remarks>
/// One generation thread, plus one model thread (<see cref="ModelRunner"/>) because <see cref="IWorldModel"/> takes one
/// call at a time and a hung call must not stop frames. The hand-over is a per-camera mailbox under a short lock rather
/// than a <see cref="System.Threading.Channels.Channel"/>: a channel cannot replace a waiting item of the same camera,
/// and while the model is slow it would grow by a snapshot per camera per frame instead of staying one per camera.
/// Frames returned by the models are kept as context, so models return new images on every call.
/// </remarks>
public sealed class FrameScheduler : IDisposable
{
    /// <summary>How much sooner a watched camera's request is served than an unwatched one's that has waited as long.</summary>
    public static readonly TimeSpan WatchedLead = TimeSpan.FromSeconds(1);

    private readonly IWorldModel _renderer;
    private readonly ModelRunner? _model;
    private readonly FrameSchedulerOptions _options;
    private readonly ILogger _logger;
    private readonly GenerationMetrics _metrics;
    private readonly JpegEncoder _encoder;
    private readonly long _deadline;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();

    private readonly object _gate = new();
    private readonly Dictionary<Entity, CameraSchedule> _cameras = [];
    private FrameSubscription[] _subscriptions = [];
    private readonly long _watchedLead = (long)(WatchedLead.TotalSeconds * Stopwatch.Frequency);
    private int _pending;
    private int _inFlight;
    private bool _stopping;

    /// <summary>Starts the generation thread; with a model, first waits for the model's first load (which may fail: the renderer then stands in).</summary>
    /// <param name="renderer">The reference renderer: the fallback, or the only generator without a model. Its manifest sets the frame size. The caller disposes it, after the scheduler.</param>
    /// <param name="loadModel">Loads the world model (on the model thread; again after a back-off if it throws); null for renderer frames only. The scheduler disposes what it loads.</param>
    /// <exception cref="ArgumentException">An option cannot work.</exception>
    /// <exception cref="JpegException">libturbojpeg is not installed.</exception>
    public FrameScheduler(IWorldModel renderer, Func<IWorldModel>? loadModel, FrameSchedulerOptions options, ILogger? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _encoder = new JpegEncoder(options.JpegQuality);
        _renderer = renderer;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _metrics = new GenerationMetrics(meterFactory);
        _deadline = (long)(options.Deadline.TotalSeconds * Stopwatch.Frequency);
        if (loadModel is not null)
        {
            _model = new ModelRunner(loadModel, Width, Height, options, _metrics, _logger);
        }
        _thread = new Thread(Run) { Name = "TwinWorld generation", IsBackground = true };
        _thread.Start();
    }

    /// <summary>The frame size; conditions must be built at it.</summary>
    public int Width => _renderer.Manifest.Width;

    public int Height => _renderer.Manifest.Height;

    /// <summary>The loaded world model's manifest; null without a model or while it is not loaded.</summary>
    public ModelManifest? Model => _model?.Manifest;

    internal Meter Meter => _metrics.Meter;

    /// <summary>Whether the generation or model thread is still running (false once <see cref="Dispose"/> has returned).</summary>
    internal bool ThreadsAlive => _thread.IsAlive || _model?.ThreadAlive == true;

    /// <summary>
    /// Every generation call's frames, all of them (feeds keep only the latest per camera), in the order made, on the
    /// generation thread before any feed has them: for recording their hashes. Handlers must be quick and not throw.
    /// </summary>
    public event Action<IReadOnlyList<EncodedFrame>>? Generated;

    /// <summary>Sets how often the camera's frames are due (any thread). Cameras start at <see cref="FrameSchedulerOptions.DefaultFps"/>.</summary>
    public void SetTargetFps(Entity camera, double fps)
    {
        if (!double.IsFinite(fps) || fps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fps), fps, "a camera's frame rate must be above 0");
        }
        lock (_gate)
        {
            Schedule(camera).Fps = fps;
        }
    }

    /// <summary>How many clients watch the camera (any thread; the network side keeps it). Cameras with viewers are generated first.</summary>
    public void SetViewers(Entity camera, int viewers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(viewers);
        lock (_gate)
        {
            Schedule(camera).Viewers = viewers;
        }
    }

    /// <summary>On the tick thread: whether the camera's next frame is due at this tick, so its conditions are only built then.</summary>
    public bool IsDue(Entity camera, long tick)
    {
        lock (_gate)
        {
            return !_cameras.TryGetValue(camera, out var schedule) || schedule.IsDue(tick);
        }
    }

    /// <summary>
    /// On the tick thread: queues the camera's conditions for generation and moves its schedule on. Never waits: a
    /// request of the same camera still waiting is replaced (counted as dropped, stale). False once the scheduler is stopping.
    /// </summary>
    /// <exception cref="ArgumentException">The conditions are not at the scheduler's frame size.</exception>
    public bool Submit(CameraConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if ((conditions.Width, conditions.Height) != (Width, Height))
        {
            throw new ArgumentException($"conditions are {conditions.Width} x {conditions.Height}; this scheduler's frames are {Width} x {Height}", nameof(conditions));
        }
        long now = Stopwatch.GetTimestamp();
        bool replaced;
        lock (_gate)
        {
            if (_stopping)
            {
                return false;
            }
            var schedule = Schedule(conditions.Camera);
            schedule.Submitted(conditions.Tick, _options.TickRateHz);
            replaced = schedule.Pending is not null;
            // A replaced request keeps its camera's place in the queue: the camera has been waiting since then.
            schedule.Pending = new FrameRequest(conditions, now, schedule.Pending?.WaitingSince ?? now, schedule.LastSubmitted);
            schedule.LastSubmitted = conditions.Tick;
            if (!replaced)
            {
                _pending++;
                Monitor.PulseAll(_gate);
            }
        }
        if (replaced)
        {
            _metrics.Dropped("stale");
        }
        return true;
    }

    /// <summary>Forgets a camera that is gone: its schedule, viewers, waiting request and context frames.</summary>
    public void RemoveCamera(Entity camera)
    {
        lock (_gate)
        {
            if (_cameras.Remove(camera, out var schedule) && schedule.Pending is not null)
            {
                _pending--;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>
    /// Waits until every request submitted so far has been delivered to the feeds or dropped: for offline runs that
    /// want every due frame (a headless <c>twin run --frames</c>). A live world's tick thread never calls it.
    /// False if the timeout passed first or the scheduler is stopping.
    /// </summary>
    public bool WaitForIdle(TimeSpan timeout)
    {
        long end = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            while (_pending + _inFlight > 0)
            {
                long left = end - Stopwatch.GetTimestamp();
                if (_stopping || left <= 0)
                {
                    return false;
                }
                Monitor.Wait(_gate, end == long.MaxValue ? Timeout.InfiniteTimeSpan : Stopwatch.GetElapsedTime(0, left));
            }
            return true;
        }
    }

    /// <summary>A feed of one camera's frames, or every camera's (null); see <see cref="FrameSubscription"/>.</summary>
    public FrameSubscription Subscribe(Entity? camera = null)
    {
        var subscription = new FrameSubscription(camera, Unsubscribe);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    private void Unsubscribe(FrameSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    private CameraSchedule Schedule(Entity camera)
    {
        if (!_cameras.TryGetValue(camera, out var schedule))
        {
            schedule = new CameraSchedule(_options.DefaultFps);
            _cameras.Add(camera, schedule);
        }
        return schedule;
    }

    private void Run()
    {
        var batch = new List<(FrameRequest Request, RgbImage[] History)>();
        while (TakeBatch(batch))
        {
            try
            {
                Generate(batch);
            }
            catch (Exception e)
            {
                // The renderer or the encoder failed: a bug, but the generation thread must outlive it.
                _logger.LogError(e, "Generating {Count} frames failed; they are dropped", batch.Count);
                _metrics.Dropped("failed", batch.Count);
            }
            lock (_gate)
            {
                _inFlight -= batch.Count;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>
    /// Waits for requests and takes up to a batch of them: the longest waiting, watched cameras counted as waiting
    /// <see cref="WatchedLead"/> longer than they have. So cameras take turns, viewers' first, and none starves. False when stopping.
    /// </summary>
    private bool TakeBatch(List<(FrameRequest Request, RgbImage[] History)> batch)
    {
        batch.Clear();
        lock (_gate)
        {
            while (_pending == 0 && !_stopping)
            {
                Monitor.Wait(_gate);
            }
            if (_stopping)
            {
                if (_pending > 0)
                {
                    _metrics.Dropped("shutdown", _pending);
                }
                return false;
            }
            int limit = Math.Min(_options.MaxBatch, (_model?.Manifest ?? _renderer.Manifest).MaxBatch);
            var chosen = _cameras.Values
                .Where(c => c.Pending is not null)
                .OrderBy(c => c.Pending!.WaitingSince - (c.Viewers > 0 ? _watchedLead : 0))
                .Take(limit);
            foreach (var camera in chosen)
            {
                batch.Add((camera.Pending!, camera.History.ToArray()));
                camera.Pending = null;
                _pending--;
            }
            _inFlight = batch.Count;
        }
        return true;
    }

    private void Generate(List<(FrameRequest Request, RgbImage[] History)> batch)
    {
        _metrics.Batch(batch.Count);
        IReadOnlyList<RgbImage>? frames = null;
        FallbackReason? fallback = null;
        if (_model is not null)
        {
            long deadline = batch.Min(w => w.Request.SubmittedAt) + _deadline;
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            ModelCall? call = null;
            fallback = _model.Unavailable() ?? (left <= TimeSpan.Zero ? FallbackReason.Deadline : _model.TryStart(k => Inputs(batch, k), out call));
            if (call is not null)
            {
                if (!call.Wait(left, _stop.Token))
                {
                    if (_stop.IsCancellationRequested)
                    {
                        _metrics.Dropped("shutdown", batch.Count);
                        return;
                    }
                    fallback = FallbackReason.Deadline;
                }
                else if (call.Error is not null)
                {
                    fallback = FallbackReason.Error;
                }
                else
                {
                    frames = call.Frames;
                }
            }
        }
        if (fallback is { } reason)
        {
            _metrics.FellBack(reason, batch.Count);
        }
        var source = frames is null ? FrameSource.Renderer : FrameSource.Model;
        Deliver(batch, frames ?? Render(batch), source, fallback);
    }

    /// <summary>The renderer's frames for the batch, in calls of at most its own batch limit.</summary>
    private List<RgbImage> Render(List<(FrameRequest Request, RgbImage[] History)> batch)
    {
        var manifest = _renderer.Manifest;
        var frames = new List<RgbImage>(batch.Count);
        for (int start = 0; start < batch.Count; start += manifest.MaxBatch)
        {
            var part = batch.GetRange(start, Math.Min(manifest.MaxBatch, batch.Count - start));
            var rendered = _renderer.Generate(Inputs(part, manifest.ContextFrames));
            if (rendered.Count != part.Count)
            {
                throw new InvalidOperationException($"the renderer returned {rendered.Count} frames for {part.Count} cameras");
            }
            frames.AddRange(rendered);
        }
        return frames;
    }

    /// <summary>The batch as model inputs, each camera with its last <paramref name="contextFrames"/> frames (fewer early on).</summary>
    private static List<GenerationInput> Inputs(List<(FrameRequest Request, RgbImage[] History)> batch, int contextFrames) =>
        batch.ConvertAll(w => new GenerationInput(
            w.Request.Conditions,
            new ArraySegment<RgbImage>(w.History, Math.Max(0, w.History.Length - contextFrames), Math.Min(contextFrames, w.History.Length))));

    private void Deliver(List<(FrameRequest Request, RgbImage[] History)> batch, IReadOnlyList<RgbImage> frames, FrameSource source, FallbackReason? fallback)
    {
        var encoded = new EncodedFrame[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            var (conditions, submittedAt) = (batch[i].Request.Conditions, batch[i].Request.SubmittedAt);
            byte[] jpeg = _encoder.Encode(frames[i]);
            encoded[i] = new EncodedFrame(
                conditions.Camera, conditions.Tick, source, fallback, frames[i].Width, frames[i].Height, jpeg, Stopwatch.GetElapsedTime(submittedAt))
            {
                PixelHash = FrameHash.Of(frames[i]),
                PreviousTick = batch[i].Request.PreviousTick,
            };
        }
        Generated?.Invoke(encoded);
        int keep = Math.Max(_renderer.Manifest.ContextFrames, _model?.Manifest?.ContextFrames ?? 0);
        FrameSubscription[] subscriptions;
        lock (_gate)
        {
            for (int i = 0; i < batch.Count; i++)
            {
                if (_cameras.TryGetValue(encoded[i].Camera, out var schedule))
                {
                    schedule.Remember(frames[i], keep);
                }
            }
            subscriptions = _subscriptions;
        }
        foreach (var frame in encoded)
        {
            _metrics.Delivered(source, frame.Latency);
            foreach (var subscription in subscriptions)
            {
                subscription.Offer(frame);
            }
        }
    }

    /// <summary>
    /// Stops accepting requests and drops those not yet delivered (a batch waiting on the model is given up at once),
    /// joins the generation thread, waits for the model's current call to return and joins its thread, disposes the
    /// loaded model and completes every feed.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        _stop.Cancel();
        _thread.Join();
        _model?.Dispose();
        FrameSubscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = _subscriptions;
        }
        foreach (var subscription in subscriptions)
        {
            subscription.Complete();
        }
        _encoder.Dispose();
        _metrics.Dispose();
        _stop.Dispose();
    }
}
