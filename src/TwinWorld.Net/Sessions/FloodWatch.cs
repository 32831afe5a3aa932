using System.Diagnostics;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Whether the server is under a connection flood: at least <paramref name="threshold"/> connection requests
/// refused for their address's rate, or connections pushed out of the not-yet-joined budget, over the last
/// 10 seconds. Sampled once a second on the network thread; <see cref="Flooded"/> may be read from any thread.
/// </summary>
internal sealed class FloodWatch(long threshold)
{
    private const int Seconds = 10;
    private readonly long[] _samples = new long[Seconds];
    private long _nextSample;
    private int _at;
    private volatile bool _flooded;

    public bool Flooded => _flooded;

    /// <summary>The refusals in the last 10 s, as of the last sample.</summary>
    public long Recent { get; private set; }

    /// <param name="refusals">The running total of flood refusals.</param>
    public void Sample(long now, long refusals)
    {
        if (now < _nextSample)
        {
            return;
        }
        _nextSample = now + Stopwatch.Frequency;
        // The slot about to be overwritten holds the total of 10 samples ago.
        Recent = refusals - _samples[_at];
        _samples[_at] = refusals;
        _at = (_at + 1) % Seconds;
        _flooded = Recent >= threshold;
    }
}
