using System.Numerics;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Hazards.Water;
using TwinWorld.Simulation.Inputs;
using StartTsunami = TwinWorld.Protocol.V1.StartTsunami;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests.Hazards;

public class WaterGridTests
{
    private static readonly WaveTrain[] Waves = [new(Height: 2, Period: 60, Direction: 0, StartTime: 0)];

    [Fact]
    public void Water_cells_of_one_terrain_cell_are_the_solver_itself()
    {
        var terrain = HazardSites.Coast().Terrain;
        var water = new WaterGrid(terrain, factor: 1, workers: 2);
        water.Solver.West = WaterBoundary.Inflow;
        water.Solver.FillTo(0);
        for (int tick = 0; tick < 400; tick++)
        {
            water.Solver.Advance(0.05f, tick * 0.05f, Waves);
        }

        Assert.Equal(terrain.CellCount, water.Solver.Depth.Length);
        for (int cell = 0; cell < terrain.CellCount; cell++)
        {
            Assert.Equal(water.Solver.Depth[cell], water.DepthAt(cell));
            Assert.Equal(water.Solver.Speed(cell), water.SpeedAt(cell));
        }
    }

    [Fact]
    public void The_sea_at_rest_keeps_every_terrain_cell_s_own_depth_and_the_shore_stays_sharp()
    {
        var terrain = HazardSites.Coast().Terrain;
        var water = new WaterGrid(terrain, factor: 2, workers: 1);
        water.Solver.FillTo(0);

        Assert.Equal(terrain.CellCount / 4, water.Solver.Depth.Length);
        for (int cell = 0; cell < terrain.CellCount; cell++)
        {
            float ground = terrain.Elevation[cell];
            // The sea's water cells lie wholly below 0 up to the shore (x = 80 m, the 40th cell), so
            // every cell there keeps its own depth; the land from the shore on is dry.
            Assert.Equal(ground < 0 ? -ground : 0, water.DepthAt(cell), 5);
        }
    }

    [Fact]
    public void A_terrain_cell_is_as_deep_as_its_water_cell_s_surface_over_its_own_ground()
    {
        var terrain = HazardSites.Coast().Terrain;
        var water = new WaterGrid(terrain, factor: 4, workers: 1);
        // Land rising 1:50 from the shore: 8 m of it, four terrain cells, in one water cell.
        int low = terrain.Index(44, 10);
        water.SetWater(low, 0.3f, Vector2.Zero);

        Assert.Equal(0.3f, water.DepthAt(low), 5);
        // Each 2 m further inland is 4 cm higher, so 4 cm shallower, in the same water cell.
        Assert.Equal(0.26f, water.DepthAt(low + 1), 5);
        Assert.Equal(0.22f, water.DepthAt(low + 2), 5);
        Assert.Equal(water.WaterCellOf(low), water.WaterCellOf(low + terrain.Width + 3));
        Assert.Equal(0.18f, water.DepthAt(low + terrain.Width + 3), 5);
        Assert.Equal(0, water.DepthAt(low + 4));
        Assert.True(water.SpeedAt(low) == 0 && water.SpeedAt(low + 4) == 0);
    }

    [Fact]
    public void Wet_columns_hold_every_wet_cell_of_a_row()
    {
        var site = HazardSites.Coast();
        var simulation = new Simulator(site, new SimulationOptions { Seed = 3, Workers = 2 });
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tsunami = new StartTsunami { Height = 3, Period = 60, From = 270 } }));
        HazardSites.Run(simulation, 40);

        var terrain = site.Terrain;
        var water = simulation.Hazards.Water;
        int wet = 0;
        for (int y = 0; y < terrain.Height; y++)
        {
            var (first, last) = water.WetColumns(y);
            for (int x = 0; x < terrain.Width; x++)
            {
                float depth = water.DepthAt(terrain.Index(x, y));
                Assert.True(depth == 0 || (x >= first && x <= last), $"({x}, {y}) holds {depth} m outside columns {first} to {last}");
                wet += depth > 0 ? 1 : 0;
            }
        }
        Assert.True(wet > 40 * 40, $"the sea and the flood are wet: {wet} cells");
    }

    /// <summary>The downscaling is a model: check that 4 m water on 2 m terrain floods the coast as the 2 m water does.</summary>
    [Fact]
    public void Water_cells_twice_the_terrain_s_flood_the_coast_as_far_and_as_soon_as_the_terrain_s_own()
    {
        (RunOutcome Outcome, float Arrival) Flood(float waterCell)
        {
            var site = HazardSites.Coast();
            var simulation = new Simulator(site, new SimulationOptions { Seed = 5, Workers = 2, WaterCellSize = waterCell });
            simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tsunami = new StartTsunami { Height = 3, Period = 60, From = 270 } }));
            HazardSites.Run(simulation, 90);
            return (simulation.MeasureOutcome(), simulation.Hazards.Flood.ArrivalSeconds[site.Terrain.IndexAt(new Vector2(110, 40))]);
        }

        var (fine, fineArrival) = Flood(2);
        var (coarse, coarseArrival) = Flood(4);

        Assert.InRange(coarse.FloodedArea, 0.9 * fine.FloodedArea, 1.1 * fine.FloodedArea);
        Assert.InRange(coarse.MaxInundationDepth, 0.95f * fine.MaxInundationDepth, 1.05f * fine.MaxInundationDepth);
        Assert.InRange(coarseArrival, fineArrival - 1.5f, fineArrival + 1.5f);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-4f)]
    [InlineData(float.NaN)]
    public void A_water_cell_size_must_be_positive(float size)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationOptions { WaterCellSize = size }.Validate());
}
