using System.Numerics;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// What the sense system last noticed: the nearest danger in view (if any) and the alert heard.
/// Agents sense every few ticks, not every tick, so this can be a little out of date: on purpose.
/// </summary>
public record struct Perception(Vector2 DangerAt, float DangerDistance, int HeardAlert, long SensedAtTick)
{
    public const int NoAlert = -1;

    public static Perception Nothing => new(default, float.PositiveInfinity, NoAlert, 0);

    public readonly bool SeesDanger => DangerDistance < float.PositiveInfinity;
}
