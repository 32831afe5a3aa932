namespace TwinWorld.Simulation.Agents;

/// <summary>Each agent's own random stream, so agents can think in parallel and still be deterministic.</summary>
/// <remarks>A field, not a property: drawing mutates the generator, and a property would hand out a copy.</remarks>
public struct AgentRandom(DeterministicRandom value)
{
    public DeterministicRandom Value = value;
}
