using System.Numerics;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// Where an agent is heading: a zone (through that zone's flow field), the nearest shelter
/// (<see cref="NearestShelter"/>), or a point (wandering, fleeing, a player's signal).
/// </summary>
public record struct Goal(int ZoneId, Vector2 Point)
{
    public const int NoZone = -1;
    public const int NearestShelter = -2;

    public static Goal None => new(NoZone, default);
}
