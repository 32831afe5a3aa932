using System.Diagnostics;

namespace TwinWorld.Net.State;

/// <summary>
/// What the state stream costs the network thread: time per tick and bytes sent, summed between two
/// reports (the server logs one every 10 s while clients are joined). Network thread only.
/// </summary>
internal sealed class StreamStatistics
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private long _ticks, _updates, _bytes, _elapsed, _since = Stopwatch.GetTimestamp();

    public void Record(long elapsedTimestamp, int updates, long bytes)
    {
        _ticks++;
        _updates += updates;
        _bytes += bytes;
        _elapsed += elapsedTimestamp;
    }

    /// <summary>A report line's figures once the interval has passed (then starts again), else null.</summary>
    public (double MsPerTick, double MicrosecondsPerUpdate, double KilobytesPerSecond, double UpdatesPerSecond)? TakeReport()
    {
        long now = Stopwatch.GetTimestamp();
        double seconds = (now - _since) / (double)Stopwatch.Frequency;
        if (seconds < Interval.TotalSeconds || _ticks == 0)
        {
            return null;
        }
        double ms = _elapsed * 1000.0 / Stopwatch.Frequency;
        var report = (ms / _ticks, _updates == 0 ? 0 : ms * 1000 / _updates, _bytes / seconds / 1000, _updates / seconds);
        (_ticks, _updates, _bytes, _elapsed, _since) = (0, 0, 0, 0, now);
        return report;
    }
}
