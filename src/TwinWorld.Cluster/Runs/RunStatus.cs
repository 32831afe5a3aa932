namespace TwinWorld.Cluster.Runs;

/// <summary>What a poll of a run's grain tells: its state, and at the end its summary (as the file holds it) or why it failed.</summary>
[GenerateSerializer, Immutable]
public sealed record RunStatus(
    [property: Id(0)] RunState State,
    [property: Id(1)] string? SummaryJson = null,
    [property: Id(2)] string? Problem = null,
    [property: Id(3)] string? Silo = null)
{
    public bool Ended => State is RunState.Succeeded or RunState.Failed;
}
