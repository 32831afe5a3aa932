using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Wind;

namespace TwinWorld.Simulation.Inputs;

/// <summary>A tornado touching down at one point and travelling straight to another, where it dissipates.</summary>
public sealed record StartTornado(long Tick, Vector2 From, Vector2 To, float TranslationSpeed, float MaxWind, float CoreRadius = 50, string? Name = null, float DurationSeconds = float.PositiveInfinity)
    : StartHazard(Tick, Name, DurationSeconds)
{
    public override HazardKind Kind => HazardKind.Tornado;

    internal override string? Problem(Simulation simulation) => Parameters.Problem();

    internal override void AddParameters(World world, Entity hazard) => world.Add(hazard, Parameters);

    private Tornado Parameters => new(From, To, TranslationSpeed, MaxWind, CoreRadius);
}
