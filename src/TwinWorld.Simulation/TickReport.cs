using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Simulation;

/// <summary>What one tick did: its number, the state hash after it, the inputs due at it (in the order applied) and those rejected.</summary>
public sealed record TickReport(long Tick, ulong StateHash, IReadOnlyList<SimulationInput> Due, IReadOnlyList<string> Rejected)
{
    /// <summary>Inputs the tick accepted.</summary>
    public int InputsApplied => Due.Count - Rejected.Count;
}
