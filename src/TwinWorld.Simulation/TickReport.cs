namespace TwinWorld.Simulation;

/// <summary>What one tick did: its number, the state hash after it, and the inputs it applied or rejected.</summary>
public sealed record TickReport(long Tick, ulong StateHash, int InputsApplied, IReadOnlyList<string> Rejected);
