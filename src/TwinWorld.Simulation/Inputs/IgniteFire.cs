using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Fire;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Sets fire to the burnable cells in a disc; a disc with nothing to burn is refused, so the author
/// hears why rather than watching nothing happen. The fire ends when its last cell burns out. Stopping it (by name or duration) puts out every cell
/// burning at that moment: fires that have met cannot be told apart, so suppression covers them all.
/// </summary>
public sealed record IgniteFire(long Tick, Vector2 At, float Radius = 3, string? Name = null, float DurationSeconds = float.PositiveInfinity)
    : StartHazard(Tick, Name, DurationSeconds)
{
    public override HazardKind Kind => HazardKind.Fire;

    internal override string? Problem(Simulation simulation)
        => !(float.IsFinite(At.X) && float.IsFinite(At.Y)) ? "the ignition point must be finite" // NaN converts to cell 0
        : simulation.Site.Terrain.IndexAt(At) < 0 ? $"the ignition point {At} is not on the site"
        : !(Radius > 0 && Radius <= 1000) ? $"the radius must be above 0 and at most 1000 m (got {Radius})"
        : !simulation.Hazards.Fire.HasFuelWithin(At, Radius)
            ? $"nothing burns within {Radius} m of ({At.X:F0}, {At.Y:F0}), which is {simulation.Site.Terrain.LandUse[simulation.Site.Terrain.IndexAt(At)].ToString().ToLowerInvariant()}: grass, shrub and forest burn"
        : null;

    internal override void AddParameters(World world, Entity hazard) => world.Add(hazard, new FireIgnition(At, Radius));
}
