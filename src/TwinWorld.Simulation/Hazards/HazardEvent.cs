namespace TwinWorld.Simulation.Hazards;

/// <summary>
/// A hazard as an entity: its kind, its number (in the order hazards started) and the ticks it
/// runs from and stops at (<see cref="Never"/> until stopped). The kind's parameters are a second
/// component on the same entity. Fields are ordered to leave no padding.
/// </summary>
public record struct HazardEvent(long StartTick, long StopTick, HazardKind Kind, int Number)
{
    public const long Never = long.MaxValue;

    public readonly bool IsActiveAt(long tick) => tick >= StartTick && tick < StopTick;
}
