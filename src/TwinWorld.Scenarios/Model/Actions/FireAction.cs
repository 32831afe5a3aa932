using System.Numerics;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record FireAction(Vector2 At, float Radius, string? Name, float Duration) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick) => new IgniteFire(tick, At, Radius, Name, Duration);
}
