using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Water;
using StartTsunami = TwinWorld.Protocol.V1.StartTsunami;

namespace TwinWorld.Simulation.Commands;

/// <summary>A wave train entering from the sea boundaries, travelling away from the bearing it comes from.</summary>
internal sealed class TsunamiStart(StartTsunami command) : HazardStart
{
    public override HazardKind Kind => HazardKind.Tsunami;

    public override string Name => command.Name;

    public override float DurationSeconds => Until(command.HasDuration, command.Duration);

    public override void AddParameters(World world, Entity hazard)
        => world.Add(hazard, new WaveTrain(command.Height, command.Period, Bearing.TravelAngle(command.From), 0));
}
