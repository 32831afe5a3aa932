using System.Numerics;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Scenarios.Model;

public sealed record ZoneArea(string Zone) : AreaSpec
{
    public override Func<int, bool> Cells(Site site)
    {
        int id = site.Zones.Find(Zone)!.Id;
        return cell => site.Zones.ZoneAt(cell) == id;
    }

    public override (Vector2 Centre, float Radius) Disc(Site site) => CoveringDisc.Of(site, site.Zones.Find(Zone)!);

    public override Area ToMessage() => new() { Zone = Zone };
}
