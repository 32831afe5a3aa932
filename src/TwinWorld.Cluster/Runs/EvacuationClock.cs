namespace TwinWorld.Cluster.Runs;

/// <summary>
/// Watches the evacuated count tick by tick to tell, once the run is over, when it reached a share of
/// its final value: the evacuation time. Only changes are kept, so a long run costs little memory.
/// </summary>
public sealed class EvacuationClock
{
    /// <summary>The share of the final evacuated count, in percent, that defines the evacuation time.</summary>
    public const int Percent = 95;

    private readonly List<(double Seconds, int Evacuated)> _changes = [];

    /// <summary>Records the count after a tick (call it after every tick).</summary>
    public void Observe(TimeSpan time, int evacuated)
    {
        if (_changes.Count == 0 || _changes[^1].Evacuated != evacuated)
        {
            _changes.Add((time.TotalSeconds, evacuated));
        }
    }

    /// <summary>
    /// The simulated time at the end of the first tick when at least <see cref="Percent"/>% of
    /// <paramref name="final"/> people (rounded up to whole people) were evacuated; null when no one was.
    /// </summary>
    public double? TimeToReach(int final)
    {
        if (final <= 0)
        {
            return null;
        }
        // Whole numbers, so 95% of 20 is exactly 19 people, not 19.000000000000004 rounded up to 20.
        int needed = (int)(((long)Percent * final + 99) / 100);
        foreach (var (seconds, evacuated) in _changes)
        {
            if (evacuated >= needed)
            {
                return seconds;
            }
        }
        return null;
    }
}
