using System.Numerics;
using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Moves a free camera (its owner's input).</summary>
public sealed record SetCameraPose(long Tick, Entity Camera, Vector3 Position, float Yaw, float Pitch) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulation simulation) => simulation.SetCameraPose(Camera, Position, Yaw, Pitch);
}
