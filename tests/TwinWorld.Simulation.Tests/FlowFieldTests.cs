using System.Numerics;
using TwinWorld.Simulation.Navigation;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Tests;

public class FlowFieldTests
{
    [Fact]
    public void Costs_are_travel_times_along_8_connected_paths()
    {
        var site = Layout.Build(1f, Layout.Room(12, 12));
        var terrain = site.Terrain;
        var goal = terrain.Index(1, 1);
        var field = FlowField.Build(terrain, [goal], LandUseTraits.WalkSpeedFactor);

        Assert.Equal(0, field.CostAt(goal));
        Assert.Equal(9f, field.CostAt(terrain.Index(10, 1)), 3);
        Assert.Equal(9 * 1.41421356f, field.CostAt(terrain.Index(10, 10)), 3);
        Assert.False(field.Reaches(terrain.Index(0, 0)));
        var direction = field.DirectionAt(terrain.CellCentre(terrain.Index(10, 10)));
        Assert.True(Vector2.Distance(direction, Vector2.Normalize(new Vector2(-1, -1))) < 1e-3f);
    }

    [Fact]
    public void Paths_go_round_walls_without_cutting_corners()
    {
        var site = Layout.Build(1f,
            "#######",
            "#.....#",
            "#.###.#",
            "#.#E#.#",
            "#.#.#.#",
            "#.....#",
            "#######");
        var terrain = site.Terrain;
        var field = FlowField.Build(terrain, site.Zones.Zones[0].Cells, LandUseTraits.WalkSpeedFactor);

        // From the top-left corner the goal is reached only by going round and up through the gap below it.
        var start = terrain.Index(1, 5);
        Assert.True(field.CostAt(start) > 6, $"cost {field.CostAt(start)} means the path cut through a wall");
        Assert.Equal(2, field.CostAt(terrain.Index(3, 1)), 3);
    }

    [Fact]
    public void Slower_ground_costs_more_time()
    {
        var site = Layout.Build(1f, Layout.Room(12, 5));
        var terrain = site.Terrain;
        for (int x = 2; x < 10; x++)
        {
            terrain.LandUse[terrain.Index(x, 2)] = LandUse.Sand;
        }
        var field = FlowField.Build(terrain, [terrain.Index(1, 2)], LandUseTraits.WalkSpeedFactor);

        Assert.True(field.CostAt(terrain.Index(10, 2)) > 9.0f);
    }
}
