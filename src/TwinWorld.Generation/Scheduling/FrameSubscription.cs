using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TwinWorld.Ecs;

namespace TwinWorld.Generation.Scheduling;

/// <summary>
/// A consumer's feed of encoded frames from a <see cref="FrameScheduler"/>: one camera's or every camera's. It holds at
/// most one frame per camera, the latest: a newer frame replaces one not yet read (counted in <see cref="Replaced"/>),
/// so a slow or stuck consumer costs one frame per camera and never holds up generation. Frames of different
/// cameras come out in the order they were delivered. The feed completes when the scheduler or the subscription is disposed.
/// </summary>
public sealed class FrameSubscription : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<Entity, EncodedFrame> _latest = [];

    // Holds each camera with a frame in _latest exactly once, in arrival order; so it is bounded by the camera count.
    private readonly Channel<Entity> _ready = Channel.CreateUnbounded<Entity>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Action<FrameSubscription> _unsubscribe;
    private long _replaced;

    internal FrameSubscription(Entity? camera, Action<FrameSubscription> unsubscribe)
    {
        Camera = camera;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The camera this feed follows; null for every camera.</summary>
    public Entity? Camera { get; }

    /// <summary>Frames replaced by a newer frame of their camera before they were read.</summary>
    public long Replaced => Interlocked.Read(ref _replaced);

    /// <summary>Takes the oldest waiting frame, if any.</summary>
    public bool TryRead(out EncodedFrame frame)
    {
        if (_ready.Reader.TryRead(out var camera))
        {
            frame = Take(camera);
            return true;
        }
        frame = null!;
        return false;
    }

    /// <summary>Waits for the next frame. Throws <see cref="ChannelClosedException"/> once the feed has completed.</summary>
    public async ValueTask<EncodedFrame> ReadAsync(CancellationToken cancellation = default) =>
        Take(await _ready.Reader.ReadAsync(cancellation).ConfigureAwait(false));

    /// <summary>Every frame as it comes, until the feed completes.</summary>
    public async IAsyncEnumerable<EncodedFrame> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await foreach (var camera in _ready.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
        {
            yield return Take(camera);
        }
    }

    /// <summary>On the generation thread: keeps the frame as its camera's latest.</summary>
    internal void Offer(EncodedFrame frame)
    {
        if (Camera is { } camera && camera != frame.Camera)
        {
            return;
        }
        lock (_gate)
        {
            if (_latest.TryAdd(frame.Camera, frame))
            {
                _ready.Writer.TryWrite(frame.Camera);
            }
            else
            {
                _latest[frame.Camera] = frame;
                Interlocked.Increment(ref _replaced);
            }
        }
    }

    internal void Complete() => _ready.Writer.TryComplete();

    private EncodedFrame Take(Entity camera)
    {
        lock (_gate)
        {
            _latest.Remove(camera, out var frame);
            return frame!;
        }
    }

    /// <summary>Stops the feed; frames already waiting can still be read.</summary>
    public void Dispose()
    {
        _unsubscribe(this);
        Complete();
    }
}
