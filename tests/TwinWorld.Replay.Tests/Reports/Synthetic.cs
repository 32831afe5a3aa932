using TwinWorld.Replay.Reports;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Replay.Tests.Reports;

/// <summary>Made-up runs and maps with known numbers, for checking what the report does with them.</summary>
internal static class Synthetic
{
    public static RunOutcome Outcome(double minutes, int evacuated = 0, int injured = 0, int incapacitated = 0, float flooded = 0, float burned = 0, int agents = 1000, float depth = 0) =>
        new(TimeSpan.FromMinutes(minutes), agents, evacuated, injured, incapacitated, flooded, depth, burned, 0, 0, 0);

    public static ReportRun Run(string name, params RunOutcome[] outcomes) =>
        new(name, "", outcomes.Select(o => (o.Time, o)));

    /// <summary>A small sloping coast: sea to the west (low x), land rising eastwards.</summary>
    public static TerrainGrid Coast(int width = 8, int height = 6)
    {
        var terrain = new TerrainGrid(width, height, 2);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                terrain.Elevation[terrain.Index(x, y)] = x - 2;
                terrain.LandUse[terrain.Index(x, y)] = x < 2 ? LandUse.DeepWater : LandUse.Grass;
            }
        }
        return terrain;
    }

    /// <summary>Maps with water of the given depths (cell index, metres) arriving a minute in, and no fire.</summary>
    public static RunMaps Flooded(TerrainGrid terrain, params (int Cell, float Depth)[] water)
    {
        var depth = new float[terrain.CellCount];
        var arrival = Enumerable.Repeat(float.PositiveInfinity, terrain.CellCount).ToArray();
        foreach (var (cell, d) in water)
        {
            depth[cell] = d;
            arrival[cell] = 60;
        }
        return new RunMaps(terrain, TimeSpan.FromMinutes(2), depth, arrival, Enumerable.Repeat(float.PositiveInfinity, terrain.CellCount).ToArray());
    }
}
