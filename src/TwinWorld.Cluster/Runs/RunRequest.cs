namespace TwinWorld.Cluster.Runs;

/// <summary>
/// One run as a silo needs it: the scenario (<see cref="Source"/>: its text, path, the parameter values
/// that <c>--set</c> would give, and the seed) and where to stop.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RunRequest(
    [property: Id(0)] ScenarioSource Source,
    [property: Id(1)] TimeSpan? Until)
{
    /// <summary>How a person tells this run apart from the sweep's others: its seed and parameter values.</summary>
    public override string ToString() => $"seed {Source.Seed}{string.Concat(Source.Overrides.Select(o => $", {o.Key}={o.Value}"))}";
}
