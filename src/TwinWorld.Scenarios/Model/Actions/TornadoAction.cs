using System.Numerics;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record TornadoAction(Vector2 From, Vector2 To, float Speed, float MaxWind, float CoreRadius, string? Name) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick) => new StartTornado(tick, From, To, Speed, MaxWind, CoreRadius, Name);
}
