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
        if (!hazards.WaterMoving)
        {
            return false;
        }
        var terrain = simulation.Site.Terrain;
        var (centre, radius) = Area.Disc(simulation.Site);
        float reach = radius + Within;
        int x0 = Math.Max(0, (int)((centre.X - reach) / terrain.CellSize));
        int x1 = Math.Min(terrain.Width - 1, (int)((centre.X + reach) / terrain.CellSize));
        int y0 = Math.Max(0, (int)((centre.Y - reach) / terrain.CellSize));
        int y1 = Math.Min(terrain.Height - 1, (int)((centre.Y + reach) / terrain.CellSize));
        var depth = hazards.Water.Depth;
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                int cell = terrain.Index(x, y);
                if (depth[cell] >= FloodMaps.FloodedDepth && hazards.Flood.IsLand(cell)
                    && Vector2.DistanceSquared(terrain.CellCentre(cell), centre) <= reach * reach)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
