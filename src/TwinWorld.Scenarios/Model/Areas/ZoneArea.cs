using System.Numerics;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record ZoneArea(string Zone) : AreaSpec
{
    public override Func<int, bool> Cells(Site site)
    {
        int id = site.Zones.Find(Zone)!.Id;
        return cell => site.Zones.ZoneAt(cell) == id;
    }

    public override (Vector2 Centre, float Radius) Disc(Site site) => ZoneExtent.Of(site, Zone);
}
