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
    }

    public FlowField NearestShelter { get; }

    public bool HasShelters { get; }

    public FlowField ToZone(int zoneId) => _toZone[zoneId];
}
