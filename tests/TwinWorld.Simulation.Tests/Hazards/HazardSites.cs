using System.Numerics;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Simulation.Tests.Hazards;

/// <summary>Small sites for hazard tests: flat open ground, optionally dotted with houses.</summary>
internal static class HazardSites
{
    /// <summary>A flat field of one land use at elevation 1 m (above the sea level of 0).</summary>
    public static Site Field(int size, float cellSize, LandUse use = LandUse.Grass)
    {
        var terrain = new TerrainGrid(size, size, cellSize);
        Array.Fill(terrain.Elevation, 1f);
        Array.Fill(terrain.LandUse, use);
        terrain.FuelFromLandUse();
        return new Site(terrain, new ZoneMap(terrain.CellCount, []));
    }

    /// <summary>A field with a 3 x 3-cell house every 8 cells each way.</summary>
    public static Site Suburb(int size, float cellSize)
    {
        var site = Field(size, cellSize, LandUse.Road);
        var terrain = site.Terrain;
        for (int y = 2; y + 3 <= size; y += 8)
        {
            for (int x = 2; x + 3 <= size; x += 8)
            {
                for (int dy = 0; dy < 3; dy++)
                {
                    for (int dx = 0; dx < 3; dx++)
                    {
                        terrain.LandUse[terrain.Index(x + dx, y + dy)] = LandUse.Building;
                    }
                }
            }
        }
        return site;
    }

    /// <summary>
    /// A 400 x 80 m strip: sea to x = 80 m (4 m deep at the west edge), then grass rising 1:50
    /// inland, with a shelter on the high ground at the east end.
    /// </summary>
    public static Site Coast()
    {
        var terrain = new TerrainGrid(200, 40, 2);
        var shelter = new List<int>();
        for (int y = 0; y < terrain.Height; y++)
        {
            for (int x = 0; x < terrain.Width; x++)
            {
                int cell = terrain.Index(x, y);
                float metres = ((x + 0.5f) * 2) - 80;
                terrain.Elevation[cell] = metres < 0 ? metres / 20 : metres / 50;
                terrain.LandUse[cell] = metres < 0 ? LandUse.DeepWater : x >= 190 ? LandUse.Plaza : LandUse.Grass;
                if (x >= 190)
                {
                    shelter.Add(cell);
                }
            }
        }
        terrain.FuelFromLandUse();
        return new Site(terrain, new ZoneMap(terrain.CellCount, [new Zone(0, "hill", ZoneKind.Shelter, new Vector2(390, 40), [.. shelter])]));
    }

    public static void Run(Simulator simulation, double seconds)
    {
        for (long end = simulation.Tick + (long)(seconds * simulation.TickRateHz); simulation.Tick < end;)
        {
            var report = simulation.Step();
            Assert.True(report.Rejected.Count == 0, string.Join("; ", report.Rejected));
        }
    }
}
