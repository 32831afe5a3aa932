using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Wind;

namespace TwinWorld.Simulation.Inputs;

/// <summary>A tornado touching down at one point and travelling straight to another, where it dissipates.</summary>
public sealed record StartTornado(long Tick, Vector2 From, Vector2 To, float TranslationSpeed, float MaxWind, float CoreRadius = 50, string? Name = null, float DurationSeconds = float.PositiveInfinity)
    : StartHazard(Tick, Name, DurationSeconds)
{
    /// <summary>How far (m) outside the site a path may start or end.</summary>
    public const float MaxOffSite = 100_000;

    public override HazardKind Kind => HazardKind.Tornado;

    internal override string? Problem(Simulation simulation)
        => Parameters.Problem()
        ?? (OnOrNear(simulation, From) && OnOrNear(simulation, To) ? null : $"the path's ends must lie within {MaxOffSite / 1000} km of the site (got {From} to {To})");

    /// <summary>Near enough to matter, and far from where distances overflow (a NaN path).</summary>
    private static bool OnOrNear(Simulation simulation, Vector2 point)
        => point.X >= -MaxOffSite && point.Y >= -MaxOffSite
        && point.X <= simulation.Site.Terrain.WidthMetres + MaxOffSite && point.Y <= simulation.Site.Terrain.HeightMetres + MaxOffSite;

    internal override void AddParameters(World world, Entity hazard) => world.Add(hazard, Parameters);

    private Tornado Parameters => new(From, To, TranslationSpeed, MaxWind, CoreRadius);
}
