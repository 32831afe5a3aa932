using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;

namespace TwinWorld.Cluster.Runs;

/// <summary>
/// What a silo rebuilds a scenario from: its text (so silos need no copy of the file; terrain files it names
/// relative to <see cref="File"/> must be at that path on every silo), the parameter values that <c>--set</c>
/// (or the server's <c>World:Parameters</c>) would give, and the seed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioSource(
    [property: Id(0)] string Yaml,
    [property: Id(1)] string File,
    [property: Id(2)] IReadOnlyDictionary<string, string> Overrides,
    [property: Id(3)] ulong Seed)
{
    /// <summary>The scenario as it loads here; <see cref="RunFailedException"/> when it does not (a terrain file missing or different on this silo).</summary>
    public Scenario Load()
    {
        var load = ScenarioLoader.Parse(Yaml, File, Overrides);
        if (load.Scenario is not { } scenario)
        {
            throw new RunFailedException($"the scenario did not load on this silo: {string.Join("; ", load.Errors)}");
        }
        return scenario with { Seed = Seed };
    }
}
