using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Simulation;

/// <summary>What one tick did: its number, the state hash after it, the inputs due at it (in the order applied) and those it refused.</summary>
public sealed record TickReport(long Tick, ulong StateHash, IReadOnlyList<SimulationInput> Due, IReadOnlyList<InputRejection> Rejections)
{
    /// <summary>The refusals as lines for a log: "tick 12: IgniteFire rejected: ...".</summary>
    public IReadOnlyList<string> Rejected => [.. Rejections.Select(r => r.ToString())];

    /// <summary>Inputs the tick accepted.</summary>
    public int InputsApplied => Due.Count - Rejections.Count;
}
