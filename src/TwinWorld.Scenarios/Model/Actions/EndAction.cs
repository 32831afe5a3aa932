using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>Ends the scenario, with the reason shown in its summary.</summary>
public sealed record EndAction(string Reason) : ActionSpec
{
    public override SimulationInput? ToInput(Site site, long tick) => null;
}
