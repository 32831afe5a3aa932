namespace TwinWorld.Server.Ticking;

/// <summary>Tick durations and overruns over one reporting interval. Used by the tick thread only.</summary>
internal sealed class TickStatistics
{
    private readonly List<double> _durationsMs = [];
    private long _overruns;
    private long _skipped;

    public void Record(double durationMs, bool overran, long skipped)
    {
        _durationsMs.Add(durationMs);
        _overruns += overran ? 1 : 0;
        _skipped += skipped;
    }

    /// <summary>A summary of the interval so far, and a fresh interval.</summary>
    public TickSummary TakeSummary()
    {
        _durationsMs.Sort();
        var summary = _durationsMs.Count == 0
            ? new TickSummary(0, 0, 0, 0, _overruns, _skipped)
            : new TickSummary(
                _durationsMs.Count,
                _durationsMs.Average(),
                _durationsMs[Math.Min(_durationsMs.Count - 1, (int)Math.Ceiling(_durationsMs.Count * 0.99) - 1)],
                _durationsMs[^1],
                _overruns,
                _skipped);
        _durationsMs.Clear();
        _overruns = 0;
        _skipped = 0;
        return summary;
    }
}
