using System.Diagnostics;

namespace TwinWorld.Net.Sessions;

/// <summary>A token bucket: <paramref name="perSecond"/> messages a second on average, up to <paramref name="burst"/> at once.</summary>
internal sealed class RateLimiter(double perSecond, double burst)
{
    private readonly double _burst = burst;
    private double _tokens = burst;
    private long _last = Stopwatch.GetTimestamp();

    public bool TryTake(long now)
    {
        _tokens = Math.Min(_burst, _tokens + ((now - _last) * perSecond / Stopwatch.Frequency));
        _last = now;
        if (_tokens < 1)
        {
            return false;
        }
        _tokens--;
        return true;
    }
}
