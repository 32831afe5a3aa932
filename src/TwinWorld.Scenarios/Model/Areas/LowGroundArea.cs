using System.Numerics;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Scenarios.Model;

public sealed record LowGroundArea : AreaSpec
{
    public override Func<int, bool> Cells(Site site) => cell => ProceduralTown.IsLowGround(site.Terrain, cell);

    public override (Vector2 Centre, float Radius) Disc(Site site) => CoveringDisc.OfSite(site);

    public override Area ToMessage() => new() { LowGround = true };
}
