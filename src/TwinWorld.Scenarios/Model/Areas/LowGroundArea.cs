using System.Numerics;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record LowGroundArea : AreaSpec
{
    public override Func<int, bool> Cells(Site site) => cell => ProceduralTown.IsLowGround(site.Terrain, cell);

    public override (Vector2 Centre, float Radius) Disc(Site site) => WholeMapArea.Extent(site);
}
