using System.Numerics;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Net.Tests;

/// <summary>Where the site's buildings are, for tests that send a tornado through them.</summary>
internal static class Town
{
    /// <summary>The centre of the building cell nearest the middle of all building cells, in metres.</summary>
    public static Vector2 BuildingNearCentre(TerrainGrid terrain)
    {
        var buildings = Enumerable.Range(0, terrain.CellCount).Where(c => terrain.LandUse[c] == LandUse.Building).Select(terrain.CellCentre).ToList();
        var centre = buildings.Aggregate(Vector2.Zero, (sum, at) => sum + at) / buildings.Count;
        return buildings.MinBy(at => Vector2.DistanceSquared(at, centre));
    }
}
