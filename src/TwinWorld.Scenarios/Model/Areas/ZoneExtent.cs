using System.Numerics;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>The smallest disc about a zone's centre that holds all its cells.</summary>
internal static class ZoneExtent
{
    public static (Vector2 Centre, float Radius) Of(Site site, string name)
    {
        var zone = site.Zones.Find(name)!;
        float radius = zone.Cells.Length == 0 ? 0 : zone.Cells.Max(c => Vector2.Distance(site.Terrain.CellCentre(c), zone.Centre));
        return (zone.Centre, radius + (site.Terrain.CellSize / 2));
    }
}
