using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Wind;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;

namespace TwinWorld.Simulation.Commands;

/// <summary>A tornado touching down at one point and travelling straight to another, where it dissipates.</summary>
internal sealed class TornadoStart(StartTornado command) : HazardStart
{
    /// <summary>How far (m) outside the site a path may start or end.</summary>
    public const float MaxOffSite = 100_000;

    public override HazardKind Kind => HazardKind.Tornado;

    public override string Name => command.Name;

    public override float DurationSeconds => Until(command.HasDuration, command.Duration);

    public Tornado Parameters => new(command.From.ToVector2(), command.To.ToVector2(), command.Speed, command.MaxWind, command.CoreRadius);

    public override string? Problem(Simulator simulation)
        => OnOrNear(simulation, Parameters.From) && OnOrNear(simulation, Parameters.To) ? null
        : $"the path's ends must lie within {MaxOffSite / 1000} km of the site (got {Parameters.From} to {Parameters.To})";

    /// <summary>Near enough to matter, and far from where distances overflow (a NaN path).</summary>
    private static bool OnOrNear(Simulator simulation, Vector2 point)
        => point.X >= -MaxOffSite && point.Y >= -MaxOffSite
        && point.X <= simulation.Site.Terrain.WidthMetres + MaxOffSite && point.Y <= simulation.Site.Terrain.HeightMetres + MaxOffSite;

    public override void AddParameters(World world, Entity hazard) => world.Add(hazard, Parameters);
}
