using System.Numerics;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Scenarios.Model;

public sealed record WholeMapArea : AreaSpec
{
    public override Func<int, bool> Cells(Site site) => _ => true;

    public override (Vector2 Centre, float Radius) Disc(Site site) => CoveringDisc.OfSite(site);

    public override Area ToMessage() => new() { Everywhere = true };
}
