using TwinWorld.Cluster.Runs;

namespace TwinWorld.Cluster.Sweeps;

/// <summary>
/// How a run went on the cluster: its summary as the silo wrote it (the JSON, byte for byte what
/// <c>twin run --summary</c> writes) or why it failed, the silo it ended on, and how many times it was
/// started (more than once when a silo was lost under it).
/// </summary>
public sealed record ClusterRunResult(string? SummaryJson, string? Problem, string? Silo, int Starts)
{
    public RunSummary? Summary { get; } = SummaryJson is null ? null : RunSummary.Parse(SummaryJson, "a silo's answer");
}
