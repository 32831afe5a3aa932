using System.Numerics;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>A part of the map: a disc, a named zone, the low ground, or the whole map.</summary>
public abstract record AreaSpec
{
    /// <summary>Whether a cell belongs to the area.</summary>
    public abstract Func<int, bool> Cells(Site site);

    /// <summary>A disc covering the area (for alerts, which are discs).</summary>
    public abstract (Vector2 Centre, float Radius) Disc(Site site);
}
