using System.Numerics;
using TwinWorld.Simulation.Hazards.Water;

namespace TwinWorld.Scenarios.Model;

/// <summary>True while flood water (at least 0.1 m on land that was dry) stands within a distance of an area.</summary>
public sealed record FloodNearCondition(AreaSpec Area, float Within) : ConditionSpec
{
    public override bool IsTrue(ConditionContext context)
    {
        var simulation = context.Simulation;
        var hazards = simulation.Hazards;
        if (!hazards.Water.Moving)
        {
            return false;
        }
        var terrain = simulation.Site.Terrain;
        var (centre, radius) = Area.Disc(simulation.Site);
        float reach = radius + Within;
        var (x0, x1, y0, y1) = terrain.CellBox(centre, reach);
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                int cell = terrain.Index(x, y);
                if (hazards.Water.DepthAt(cell) >= FloodMaps.FloodedDepth && hazards.Flood.IsLand(cell)
                    && Vector2.DistanceSquared(terrain.CellCentre(cell), centre) <= reach * reach)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
