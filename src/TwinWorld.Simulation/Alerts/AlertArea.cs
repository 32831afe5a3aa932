using System.Numerics;

namespace TwinWorld.Simulation.Alerts;

/// <summary>
/// An evacuation alert broadcast to a disc (sirens, phones in range), as an entity so it is part of
/// the world state. Agents inside it may hear it when they next sense; <see cref="ShelterZone"/>
/// names a shelter to go to, or is -1 for "the nearest one". Fields are ordered to leave no padding.
/// </summary>
public record struct AlertArea(long IssuedTick, Vector2 Centre, float Radius, int ShelterZone)
{
    public readonly bool Covers(Vector2 point) => Vector2.DistanceSquared(point, Centre) <= Radius * Radius;
}
