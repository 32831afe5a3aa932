using System.Numerics;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Removes up to a number of agents standing in a disc (the lowest ids first); players' avatars stay.</summary>
public sealed record DespawnAgents(long Tick, Vector2 Centre, float Radius, int Count) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulation simulation) => simulation.DespawnAgents(Centre, Radius, Count);
}
