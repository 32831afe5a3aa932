using System.Numerics;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// What the sense system last noticed: the nearest danger in view (if any), the alert heard, and
/// the hazards where the agent stands (water depth and speed, radiant heat, wind). Agents sense
/// every few ticks, not every tick, so this can be a little out of date: on purpose, it is part of
/// the reaction delay. Fields are ordered to leave no padding.
/// </summary>
public record struct Perception(
    Vector2 DangerAt,
    float DangerDistance,
    int HeardAlert,
    long SensedAtTick,
    float WaterDepth,
    float WaterSpeed,
    float HeatFlux,
    float WindSpeed)
{
    public const int NoAlert = -1;

    public static Perception Nothing => new(default, float.PositiveInfinity, NoAlert, 0, 0, 0, 0, 0);

    public readonly bool SeesDanger => DangerDistance < float.PositiveInfinity;

    /// <summary>Water over the ankles: a reason to head for high ground.</summary>
    public readonly bool InWater => WaterDepth >= 0.1f;
}
