using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;

namespace TwinWorld.Bench.Scenarios;

/// <summary>Loads a scenario shipped in the repository's scenarios/ folder, failing loudly when it does not load.</summary>
internal static class ShippedScenario
{
    public static Scenario Load(string name, IReadOnlyDictionary<string, string>? parameters = null)
    {
        string file = RepositoryFiles.Path($"scenarios/{name}.yaml");
        var load = ScenarioLoader.Load(file, parameters);
        return load.Scenario ?? throw new InvalidOperationException(string.Join("; ", load.Errors));
    }
}
