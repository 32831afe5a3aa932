using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record WindAction(float Speed, float From) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick) => new SetWind(tick, Speed, From);
}
