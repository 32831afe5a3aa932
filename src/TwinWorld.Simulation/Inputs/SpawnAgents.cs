using System.Numerics;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Places agents of one kind on walkable cells in a disc.</summary>
public sealed record SpawnAgents(long Tick, AgentKind Kind, int Count, Vector2 Centre, float Radius) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulation simulation) => simulation.SpawnAgents(Kind, Count, Centre, Radius);
}
