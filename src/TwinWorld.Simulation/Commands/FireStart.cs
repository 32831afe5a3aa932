using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Fire;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;

namespace TwinWorld.Simulation.Commands;

/// <summary>
/// Sets fire to the burnable cells in a disc; a disc with nothing to burn is refused, so the author
/// hears why rather than watching nothing happen. The fire ends when its last cell burns out. Stopping it
/// (by name or duration) puts out every cell burning at that moment: fires that have met cannot be told
/// apart, so suppression covers them all.
/// </summary>
internal sealed class FireStart(IgniteFire command) : HazardStart
{
    public override HazardKind Kind => HazardKind.Fire;

    public override string Name => command.Name;

    public override float DurationSeconds => Until(command.HasDuration, command.Duration);

    public override string? Problem(Simulator simulation)
    {
        var at = command.At.ToVector2();
        var terrain = simulation.Site.Terrain;
        return terrain.IndexAt(at) < 0 ? $"the ignition point {at} is not on the site"
            : !simulation.Hazards.Fire.HasFuelWithin(at, command.Radius)
                ? $"nothing burns within {command.Radius} m of ({at.X:F0}, {at.Y:F0}), which is {terrain.LandUse[terrain.IndexAt(at)].ToString().ToLowerInvariant()}: grass, shrub and forest burn"
            : null;
    }

    public override void AddParameters(World world, Entity hazard) => world.Add(hazard, new FireIgnition(command.At.ToVector2(), command.Radius));
}
