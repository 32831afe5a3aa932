namespace TwinWorld.Net.Frames;

/// <summary>
/// The newest frame of each camera, numbered as they come. The generator's threads put frames in; the
/// network thread takes those newer than what each client last got. A newer frame replaces an older
/// one, so nothing queues up behind a slow client.
/// </summary>
internal sealed class LatestFrames
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (CameraFrame Frame, long Serial)> _latest = [];
    private long _serial;

    /// <summary>Frames taken in so far; a network loop compares it to skip the lookups when nothing is new.</summary>
    public long Serial => Volatile.Read(ref _serial);

    public void Put(CameraFrame frame)
    {
        lock (_gate)
        {
            // A frame conditioned on an older tick than the one held is stale: generation is out of order.
            if (_latest.TryGetValue(frame.CameraId, out var held) && held.Frame.Tick > frame.Tick)
            {
                return;
            }
            _latest[frame.CameraId] = (frame, Interlocked.Increment(ref _serial));
        }
    }

    /// <summary>The camera's newest frame if it is newer than <paramref name="after"/>.</summary>
    public bool TryGetNewer(int cameraId, long after, out CameraFrame frame, out long serial)
    {
        lock (_gate)
        {
            if (_latest.TryGetValue(cameraId, out var held) && held.Serial > after)
            {
                (frame, serial) = held;
                return true;
            }
        }
        (frame, serial) = (null!, 0);
        return false;
    }
}
