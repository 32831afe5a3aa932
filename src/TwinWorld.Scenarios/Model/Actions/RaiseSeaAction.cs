using System.Numerics;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record RaiseSeaAction(Vector2 Centre, float Radius, float Height, string? Name) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick) => new RaiseSea(tick, Centre, Radius, Height, Name);
}
