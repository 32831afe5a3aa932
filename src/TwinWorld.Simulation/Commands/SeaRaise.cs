using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Water;
using RaiseSea = TwinWorld.Protocol.V1.RaiseSea;

namespace TwinWorld.Simulation.Commands;

/// <summary>A smooth hump (negative: a trough) added to the sea where it is wet; it never stops by itself.</summary>
internal sealed class SeaRaise(RaiseSea command) : HazardStart
{
    public override HazardKind Kind => HazardKind.Tsunami;

    public override string Name => command.Name;

    public override float DurationSeconds => float.PositiveInfinity;

    public override void AddParameters(World world, Entity hazard)
        => world.Add(hazard, new SeaDisplacement(command.Centre.ToVector2(), command.Radius, command.Height));
}
