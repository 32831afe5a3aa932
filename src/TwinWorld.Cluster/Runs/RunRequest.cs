namespace TwinWorld.Cluster.Runs;

/// <summary>
/// One run as a silo needs it: the scenario (<see cref="Source"/>: its text, path, the parameter values
/// that <c>--set</c> would give, and the seed) and where to stop.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RunRequest(
    [property: Id(0)] string ScenarioYaml,
    [property: Id(1)] string ScenarioFile,
    [property: Id(2)] IReadOnlyDictionary<string, string> Overrides,
    [property: Id(3)] ulong Seed,
    [property: Id(4)] TimeSpan? Until)
{
    public ScenarioSource Source => new(ScenarioYaml, ScenarioFile, Overrides, Seed);

    /// <summary>How a person tells this run apart from the sweep's others: its seed and parameter values.</summary>
    public override string ToString() => $"seed {Seed}{string.Concat(Overrides.Select(o => $", {o.Key}={o.Value}"))}";
}
