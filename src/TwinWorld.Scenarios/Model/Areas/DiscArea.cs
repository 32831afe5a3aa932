using System.Numerics;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record DiscArea(Vector2 Centre, float Radius) : AreaSpec
{
    public override Func<int, bool> Cells(Site site)
        => cell => Vector2.DistanceSquared(site.Terrain.CellCentre(cell), Centre) <= Radius * Radius;

    public override (Vector2 Centre, float Radius) Disc(Site site) => (Centre, Radius);

    public override Area ToMessage() => new() { Disc = new Disc { Centre = Point.Of(Centre), Radius = Radius } };
}
