using System.Numerics;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record WholeMapArea : AreaSpec
{
    public override Func<int, bool> Cells(Site site) => _ => true;

    public override (Vector2 Centre, float Radius) Disc(Site site) => Extent(site);

    internal static (Vector2 Centre, float Radius) Extent(Site site)
    {
        var size = new Vector2(site.Terrain.WidthMetres, site.Terrain.HeightMetres);
        return (size / 2, size.Length() / 2 + site.Terrain.CellSize);
    }
}
