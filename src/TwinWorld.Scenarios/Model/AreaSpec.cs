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

public sealed record DiscArea(Vector2 Centre, float Radius) : AreaSpec
{
    public override Func<int, bool> Cells(Site site)
        => cell => Vector2.DistanceSquared(site.Terrain.CellCentre(cell), Centre) <= Radius * Radius;

    public override (Vector2 Centre, float Radius) Disc(Site site) => (Centre, Radius);
}

public sealed record ZoneArea(string Zone) : AreaSpec
{
    public override Func<int, bool> Cells(Site site)
    {
        int id = site.Zones.Find(Zone)!.Id;
        return cell => site.Zones.ZoneAt(cell) == id;
    }

    public override (Vector2 Centre, float Radius) Disc(Site site) => ZoneExtent.Of(site, Zone);
}

public sealed record LowGroundArea : AreaSpec
{
    public override Func<int, bool> Cells(Site site) => cell => ProceduralTown.IsLowGround(site.Terrain, cell);

    public override (Vector2 Centre, float Radius) Disc(Site site) => WholeMapArea.Extent(site);
}

public sealed record WholeMapArea : AreaSpec
{
    public override Func<int, bool> Cells(Site site) => _ => true;

    public override (Vector2 Centre, float Radius) Disc(Site site) => Extent(site);

    internal static (Vector2 Centre, float Radius) Extent(Site site)
    {
        var size = new Vector2(site.Terrain.WidthMetres, site.Terrain.HeightMetres);
        return (size / 2, size.Length() / 2 + site.Terrain.CellSize);
    }
}
