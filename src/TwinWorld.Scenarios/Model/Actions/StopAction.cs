using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record StopAction(string Hazard) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick) => new StopHazard(tick, Hazard);
}
