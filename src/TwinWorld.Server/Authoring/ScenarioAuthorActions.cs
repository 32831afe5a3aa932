using TwinWorld.Net.Sessions;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Server.Authoring;

/// <summary>
/// Authors' text actions for a hosted scenario: read by the scenario loader, as <c>twin run</c> reads a line typed
/// into a live run, so the page's command line takes exactly the file's syntax, parameters and error messages.
/// </summary>
internal sealed class ScenarioAuthorActions(ScenarioRun run) : IAuthorActions
{
    public (SimulationInput? Input, string? Problem) Parse(string action, long tick)
    {
        var (spec, errors) = ScenarioLoader.ParseAction(action, run.Scenario);
        if (spec is null)
        {
            return (null, string.Join("; ", errors.Select(e => e.ToString())));
        }
        return spec is EndAction
            ? (null, "end is not for a server: the world goes on for its players; stop a hazard with stop: {name: ...}")
            : (spec.ToInput(run.Scenario.Site, tick), null);
    }
}
