namespace TwinWorld.Simulation;

/// <summary>How a run is set up. Seed and tick rate are part of what a recording must repeat.</summary>
public sealed record SimulationOptions
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Fixed ticks per second; every tick advances simulated time by 1 / TickRateHz.</summary>
    public double TickRateHz { get; init; } = 20;

    /// <summary>Worker threads for parallel systems. Results never depend on it.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
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
