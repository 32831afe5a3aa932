namespace TwinWorld.Simulation;

/// <summary>How a run is set up. Seed and tick rate are part of what a recording must repeat.</summary>
public sealed record SimulationOptions
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Fixed ticks per second; every tick advances simulated time by 1 / TickRateHz.</summary>
    public double TickRateHz { get; init; } = 20;

    /// <summary>Worker threads for parallel systems. Results never depend on it.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The side (m) of the cells the water is simulated on, rounded to the nearest whole number of terrain
    /// cells (halves up; at least one, at most the map): depths are then mapped onto each terrain cell's own ground. Finer is more
    /// detailed and slower: halving it costs about eight times the work.
    /// </summary>
    public float WaterCellSize { get; init; } = 4;

    public void Validate()
    {
        if (!(WaterCellSize > 0 && WaterCellSize <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(WaterCellSize), WaterCellSize, "The water cell size must be above 0 and at most 1000 m.");
        }
        if (!(TickRateHz >= 1 && TickRateHz <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(TickRateHz), TickRateHz, "The tick rate must be between 1 and 1000 Hz.");
        }
        if (Workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "At least one worker is needed.");
        }
    }
}
