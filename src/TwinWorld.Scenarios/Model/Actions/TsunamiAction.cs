using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record TsunamiAction(float Height, float Period, float From, string? Name, float Duration) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick) => new StartTsunami(tick, Height, Period, From, Name, Duration);
}
