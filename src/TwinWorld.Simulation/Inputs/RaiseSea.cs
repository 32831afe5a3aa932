using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Water;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// A sudden sea-surface displacement (a submarine landslide, a fault rupture near the coast): a
/// smooth hump of the given height (negative for a trough) and radius, added to the sea where it is wet.
/// </summary>
public sealed record RaiseSea(long Tick, Vector2 Centre, float Radius, float Height, string? Name = null)
    : StartHazard(Tick, Name, float.PositiveInfinity)
{
    public override HazardKind Kind => HazardKind.Tsunami;

    internal override string? Problem(Simulation simulation)
        => !(float.IsFinite(Centre.X) && float.IsFinite(Centre.Y)) ? "the centre must be a finite point"
        : !(Radius > 0 && Radius <= 100_000) ? $"the radius must be above 0 and at most 100 km (got {Radius})"
        : !(MathF.Abs(Height) is > 0 and <= 50) ? $"the height must be non-zero and at most 50 m either way (got {Height})"
        : null;

    internal override void AddParameters(World world, Entity hazard) => world.Add(hazard, new SeaDisplacement(Centre, Radius, Height));
}
