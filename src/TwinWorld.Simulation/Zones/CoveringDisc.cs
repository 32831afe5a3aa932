using System.Numerics;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Zones;

/// <summary>The disc that covers a zone or the whole site, for actions that act on discs (alerts, spawns, despawns).</summary>
public static class CoveringDisc
{
    /// <summary>The smallest disc about the zone's centre that holds all its cells.</summary>
    public static (Vector2 Centre, float Radius) Of(Site site, Zone zone)
    {
        float radius = zone.Cells.Length == 0 ? 0 : zone.Cells.Max(c => Vector2.Distance(site.Terrain.CellCentre(c), zone.Centre));
        return (zone.Centre, radius + (site.Terrain.CellSize / 2));
    }

    /// <summary>A disc about the site's centre reaching past its corners.</summary>
    public static (Vector2 Centre, float Radius) OfSite(Site site)
    {
        var size = new Vector2(site.Terrain.WidthMetres, site.Terrain.HeightMetres);
        return (size / 2, size.Length() / 2 + site.Terrain.CellSize);
    }
}
