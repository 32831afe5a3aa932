using System.Numerics;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Scenarios.Model;

/// <summary>A part of the map: a disc, a named zone, the low ground, or the whole map.</summary>
public abstract record AreaSpec
{
    /// <summary>Whether a cell belongs to the area.</summary>
    public abstract Func<int, bool> Cells(Site site);

    /// <summary>A disc covering the area (the one alerts, spawns and despawns act on: <see cref="CoveringDisc"/>).</summary>
    public abstract (Vector2 Centre, float Radius) Disc(Site site);

    /// <summary>The area as commands carry it (commands.proto's Area).</summary>
    public abstract Area ToMessage();
}
