using System.Diagnostics;

namespace TwinWorld.Server.Ticking;

/// <summary>How the tick loop is doing, for the health endpoints: written by the tick thread, read by any.</summary>
internal sealed class TickProgress
{
    private long _ticks;
    private long _lastTickTimestamp;
    private volatile bool _failed;

    /// <summary>Ticks run so far.</summary>
    public long Ticks => Volatile.Read(ref _ticks);

    /// <summary>True once a tick threw: the server is stopping.</summary>
    public bool Failed => _failed;

    /// <summary>Time since the last tick finished; null before the first.</summary>
    public TimeSpan? SinceLastTick => Volatile.Read(ref _lastTickTimestamp) is var last and > 0 ? Stopwatch.GetElapsedTime(last) : null;

    public void Ticked(long ticks)
    {
        Volatile.Write(ref _ticks, ticks);
        Volatile.Write(ref _lastTickTimestamp, Stopwatch.GetTimestamp());
    }

    public void Fail() => _failed = true;
}
