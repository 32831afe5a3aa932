using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Simulation.Navigation;

/// <summary>
/// The flow fields agents steer by: one to each zone and one to the nearest shelter. Built once
/// when a run starts (in parallel; each field is a pure function of terrain and goal), so no tick
/// ever waits for path finding.
/// </summary>
public sealed class NavigationFields
{
    private readonly FlowField[] _toZone;

    public NavigationFields(Site site)
    {
        var zones = site.Zones.Zones;
        _toZone = new FlowField[zones.Count];
        var shelterCells = site.Zones.OfKind(ZoneKind.Shelter).SelectMany(z => z.Cells).ToArray();
        FlowField? nearestShelter = null;
        Parallel.For(0, zones.Count + 1, i =>
        {
            if (i < zones.Count)
            {
                _toZone[i] = FlowField.Build(site.Terrain, zones[i].Cells, LandUseTraits.WalkSpeedFactor);
            }
            else
            {
                nearestShelter = FlowField.Build(site.Terrain, shelterCells, LandUseTraits.WalkSpeedFactor);
            }
        });
        NearestShelter = nearestShelter!;
        HasShelters = shelterCells.Length > 0;
        _open = OpenCells(site.Terrain);
    }

    private readonly bool[] _open;

    public FlowField NearestShelter { get; }

    public bool HasShelters { get; }

    public FlowField ToZone(int zoneId) => _toZone[zoneId];

    /// <summary>
    /// Whether a cell and its eight neighbours are all walkable: then any body smaller than a cell,
    /// centred in it, is clear of obstacles, and movement needs no finer check.
    /// </summary>
    public bool IsOpen(int cell) => cell >= 0 && _open[cell];

    private static bool[] OpenCells(TerrainGrid terrain)
    {
        var open = new bool[terrain.CellCount];
        for (int y = 1; y < terrain.Height - 1; y++)
        {
            for (int x = 1; x < terrain.Width - 1; x++)
            {
                bool all = true;
                for (int dy = -1; dy <= 1 && all; dy++)
                {
                    for (int dx = -1; dx <= 1 && all; dx++)
                    {
                        all = terrain.IsWalkable(terrain.Index(x + dx, y + dy));
                    }
                }
                open[terrain.Index(x, y)] = all;
            }
        }
        return open;
    }
}
