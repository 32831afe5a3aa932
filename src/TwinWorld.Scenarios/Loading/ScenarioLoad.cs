using TwinWorld.Scenarios.Model;

namespace TwinWorld.Scenarios.Loading;

/// <summary>The result of loading a scenario: the scenario, or every error found (never both).</summary>
public sealed record ScenarioLoad(Scenario? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    public bool Succeeded => Scenario is not null;
}
