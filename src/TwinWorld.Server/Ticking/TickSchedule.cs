namespace TwinWorld.Server.Ticking;

/// <summary>
/// A fixed-rate schedule in timestamp units. Tick n is due at anchor + n * period, computed from the
/// tick number rather than by adding up sleeps, so timer error never accumulates into drift. If the
/// loop falls more than the catch-up limit behind (a debugger pause, a stalled machine) it re-anchors
/// and reports the ticks it skipped, instead of running a burst of ticks to catch up.
/// </summary>
internal sealed class TickSchedule(long start, long period, long maxCatchUp)
{
    private long _anchor = start;
    private long _anchorTick;

    /// <summary>The next tick to run.</summary>
    public long Tick { get; private set; }

    public long Period { get; } = period;

    public long DueAt(long tick) => _anchor + (tick - _anchorTick) * Period;

    /// <summary>Time until the next tick is due; zero or less means run it now.</summary>
    public long Remaining(long now) => DueAt(Tick) - now;

    /// <summary>
    /// Marks the current tick done at <paramref name="now"/>. Returns whether it overran (finished after
    /// the next tick was due) and how many ticks were skipped to get back on schedule.
    /// </summary>
    public (bool Overran, long Skipped) Complete(long now)
    {
        Tick++;
        long late = now - DueAt(Tick);
        if (late <= 0)
        {
            return (false, 0);
        }
        if (late <= maxCatchUp)
        {
            return (true, 0);
        }
        long skipped = late / Period;
        _anchorTick = Tick + skipped;
        _anchor = now;
        Tick += skipped;
        return (true, skipped);
    }
}
