using System.Numerics;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Zones;

/// <summary>What the site's zones mean to agents: where shelters, workplaces and schools are, and when a goal is reached.</summary>
public sealed class ZoneRules
{
    private readonly Site _site;
    private readonly bool[] _isShelter;

    public ZoneRules(Site site)
    {
        _site = site;
        _isShelter = site.Zones.Zones.Select(z => z.Kind == ZoneKind.Shelter).ToArray();
        Shelters = Ids(ZoneKind.Shelter);
        Workplaces = Ids(ZoneKind.Workplace);
        Schools = Ids(ZoneKind.School);
    }

    public int[] Shelters { get; }

    public int[] Workplaces { get; }

    public int[] Schools { get; }

    /// <summary>Whether an agent at the point has reached its goal: its zone, or any shelter for "the nearest".</summary>
    public bool HasArrived(Goal goal, Vector2 at)
    {
        int zone = _site.Zones.ZoneAt(_site.Terrain.IndexAt(at));
        return zone >= 0 && (goal.ZoneId >= 0 ? zone == goal.ZoneId : _isShelter[zone]);
    }

    /// <summary>Whether a goal leads to a shelter (a named one, or the nearest).</summary>
    public bool IsShelterGoal(Goal goal) => goal.ZoneId == Goal.NearestShelter || (goal.ZoneId >= 0 && _isShelter[goal.ZoneId]);

    private int[] Ids(ZoneKind kind) => _site.Zones.OfKind(kind).Select(z => z.Id).ToArray();
}
