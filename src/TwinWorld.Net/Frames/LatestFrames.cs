namespace TwinWorld.Net.Frames;

/// <summary>
/// The newest frame of each camera, numbered as they come. The generator's threads put frames in; the
/// network thread takes those newer than what each client last got. A newer frame replaces an older
/// one, so nothing queues up behind a slow client.
/// </summary>
internal sealed class LatestFrames
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (CameraFrame Frame, long Serial, bool Taken)> _latest = [];
    private HashSet<int> _watched = [];
    private long _serial;
    private long _dropped;

    /// <summary>Frames taken in so far; a network loop compares it to skip the lookups when nothing is new.</summary>
    public long Serial => Volatile.Read(ref _serial);

    /// <summary>Frames of a watched camera (one with a subscriber) replaced before anyone took them.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>The cameras with subscribers now: a frame of any other replaced unsent is no loss.</summary>
    public void Watch(IEnumerable<int> cameras)
    {
        var watched = cameras.ToHashSet();
        lock (_gate)
        {
            _watched = watched;
        }
    }

    public void Put(CameraFrame frame)
    {
        lock (_gate)
        {
            bool holds = _latest.TryGetValue(frame.CameraId, out var held);
            // A frame conditioned on an older tick than the one held is stale: generation is out of order.
            if (holds && held.Frame.Tick > frame.Tick)
            {
                return;
            }
            if (holds && !held.Taken && _watched.Contains(frame.CameraId))
            {
                Interlocked.Increment(ref _dropped);
            }
            _latest[frame.CameraId] = (frame, Interlocked.Increment(ref _serial), false);
        }
    }

    /// <summary>The camera's newest frame if it is newer than <paramref name="after"/>.</summary>
    public bool TryGetNewer(int cameraId, long after, out CameraFrame frame, out long serial)
    {
        lock (_gate)
        {
            if (_latest.TryGetValue(cameraId, out var held) && held.Serial > after)
            {
                _latest[cameraId] = held with { Taken = true };
                (frame, serial) = (held.Frame, held.Serial);
                return true;
            }
        }
        (frame, serial) = (null!, 0);
        return false;
    }
}
