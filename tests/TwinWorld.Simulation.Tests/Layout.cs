using System.Numerics;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Simulation.Tests;

/// <summary>
/// Builds small test sites from text, the first line northmost: '#' wall, '.' floor, 'E' exit
/// (floor that belongs to the shelter zone "exit"), ' ' outside (rock). All flat.
/// </summary>
internal static class Layout
{
    public static Site Build(float cellSize, params string[] rows)
    {
        int width = rows.Max(r => r.Length);
        int height = rows.Length;
        var terrain = new TerrainGrid(width, height, cellSize);
        var exit = new List<int>();
        for (int row = 0; row < height; row++)
        {
            for (int x = 0; x < width; x++)
            {
                char c = x < rows[row].Length ? rows[row][x] : ' ';
                int cell = terrain.Index(x, height - 1 - row);
                terrain.LandUse[cell] = c switch
                {
                    '#' => LandUse.Building,
                    '.' or 'E' => LandUse.Plaza,
                    _ => LandUse.Rock,
                };
                if (c == 'E')
                {
                    exit.Add(cell);
                }
            }
        }
        var zones = new List<Zone>();
        if (exit.Count > 0)
        {
            var centre = exit.Select(terrain.CellCentre).Aggregate(Vector2.Zero, (a, b) => a + b) / exit.Count;
            zones.Add(new Zone(0, "exit", ZoneKind.Shelter, centre, [.. exit]));
        }
        return new Site(terrain, new ZoneMap(terrain.CellCount, zones));
    }

    /// <summary>Turns a disc of the site into short grass (Anderson fuel model 1): a patch a fire can burn.</summary>
    public static Site WithGrass(this Site site, Vector2 centre, float radius)
    {
        var terrain = site.Terrain;
        for (int cell = 0; cell < terrain.CellCount; cell++)
        {
            if (Vector2.Distance(terrain.CellCentre(cell), centre) <= radius && terrain.IsWalkable(cell))
            {
                terrain.LandUse[cell] = LandUse.Grass;
                terrain.Fuel[cell] = 1;
            }
        }
        return site;
    }

    /// <summary>A rectangle of text rows: walls round the edge, floor inside.</summary>
    public static string[] Room(int width, int height)
    {
        var rows = new string[height];
        for (int y = 0; y < height; y++)
        {
            rows[y] = y == 0 || y == height - 1 ? new string('#', width) : "#" + new string('.', width - 2) + "#";
        }
        return rows;
    }
}
