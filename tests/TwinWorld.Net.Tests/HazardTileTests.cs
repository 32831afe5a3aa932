using TwinWorld.Net.Interest;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.Tiles;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Inputs;
using HazardLayer = TwinWorld.Protocol.V1.HazardLayer;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using Point = TwinWorld.Protocol.V1.Point;
using Sim = TwinWorld.Simulation.Simulator;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using StartTsunami = TwinWorld.Protocol.V1.StartTsunami;
using StopHazard = TwinWorld.Protocol.V1.StopHazard;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Net.Tests;

/// <summary>Water depth, fire and building damage reach clients as compressed tiles over UDP, and their grids match the server's.</summary>
public class HazardTileTests
{
    [Fact]
    public async Task After_a_flood_and_a_fire_the_clients_grid_equals_the_servers_quantised_grid()
    {
        using var server = new SteppedServer(new InterestOptions { BudgetBytesPerTick = 0 });
        using var player = await server.Join(LiveServer.Player);
        var seen = InterestTests.Record(player);
        var sim = server.Simulation;
        sim.Inputs.Enqueue(new CommandInput(sim.Tick, new WorldCommand { Fire = new IgniteFire { At = Point.Of(FuelNear(sim, new System.Numerics.Vector2(sim.Site.Terrain.WidthMetres, sim.Site.Terrain.HeightMetres) / 2)), Radius = 6, Name = "test-fire" } }));
        sim.Inputs.Enqueue(new CommandInput(sim.Tick, new WorldCommand { Tsunami = new StartTsunami { Height = 6, Period = 30, From = 270, Name = "test-wave" } }));

        for (int i = 0; i < 400; i++)
        {
            var full = await server.StepAndWait(player);
            if (i % 100 == 99)
            {
                AssertQuantisedFrom(sim, full.Grid);
            }
        }

        int compared = 0;
        foreach (var (tick, view) in seen)
        {
            AssertSameCells(server.Views[tick].Grid, view.Grid, sim.Site.Terrain.Width, sim.Site.Terrain.Height);
            compared++;
        }
        var last = seen[seen.Keys.Max()].Grid;
        var cells = Cells(sim);
        Assert.True(compared > 300, $"{compared} views compared");
        Assert.True(cells.Count(c => last.WaterDepthUnits(c.X, c.Y) > 0) > 50, "the flood reached the client");
        Assert.True(cells.Count(c => last.Fire(c.X, c.Y) != GridTile.NoFire) > 10, "the fire reached the client");
    }

    [Fact]
    public async Task A_tornado_through_the_town_sends_damaged_building_tiles_and_the_clients_grid_equals_the_servers()
    {
        using var server = new SteppedServer(new InterestOptions { BudgetBytesPerTick = 0 }, size: 256);
        using var player = await server.Join(LiveServer.Player);
        var seen = InterestTests.Record(player);
        var sim = server.Simulation;
        var terrain = sim.Site.Terrain;
        // From the middle of the town's buildings, 60 m east at 10 m/s, strong enough near its core to destroy houses.
        var from = Town.BuildingNearCentre(terrain);
        sim.Inputs.Enqueue(new CommandInput(sim.Tick, new WorldCommand { Tornado = new StartTornado { From = Point.Of(from), To = Point.Of(from + new System.Numerics.Vector2(60, 0)), Speed = 10, MaxWind = 80, CoreRadius = 30, Name = "test-tornado" } }));

        for (int i = 0; i < 200; i++)
        {
            var full = await server.StepAndWait(player);
            if (i % 50 == 49)
            {
                AssertQuantisedFrom(sim, full.Grid);
            }
        }

        foreach (var (tick, view) in seen)
        {
            AssertSameCells(server.Views[tick].Grid, view.Grid, terrain.Width, terrain.Height);
        }
        var last = seen[seen.Keys.Max()].Grid;
        Assert.Contains(last.Tiles, tile => tile.Layer == HazardLayer.BuildingDamage);
        var damage = Cells(sim).Select(c => last.BuildingDamage(c.X, c.Y)).Where(d => d > 0).ToList();
        Assert.True(damage.Count > 10, $"{damage.Count} damaged building cells reached the client");
        Assert.Contains((byte)DamageState.Destroyed, damage);
        Assert.Equal(sim.Hazards.Buildings.DamagedCells, damage.Count);
    }

    [Fact]
    public async Task Under_a_small_budget_tiles_are_the_servers_as_last_sent_and_catch_up_once_the_fire_is_out()
    {
        using var server = new SteppedServer(new InterestOptions { BudgetBytesPerTick = 256 });
        using var viewer = await server.Join(LiveServer.Viewer);
        var seen = InterestTests.Record(viewer);
        var sim = server.Simulation;
        sim.Inputs.Enqueue(new CommandInput(sim.Tick, new WorldCommand { Fire = new IgniteFire { At = Point.Of(FuelNear(sim, new System.Numerics.Vector2(sim.Site.Terrain.WidthMetres, sim.Site.Terrain.HeightMetres) / 2)), Radius = 10, Name = "test-fire" } }));

        for (int i = 0; i < 200; i++)
        {
            await server.StepAndWait(viewer);
        }
        sim.Inputs.Enqueue(new CommandInput(sim.Tick, new WorldCommand { Stop = new StopHazard { Name = "test-fire" } }));
        StateView? caughtUp = null;
        for (int i = 0; i < 300 && caughtUp is null; i++)
        {
            var full = await server.StepAndWait(viewer);
            if (viewer.FindView(full.Tick) is { } mine && HazardGrid.ChangedKeys(mine.Grid, full.Grid).All(k => SameTile(mine.Grid.Find(k), full.Grid.Find(k))))
            {
                caughtUp = mine;
            }
        }

        Assert.NotNull(caughtUp);
        AssertSameCells(server.Views[caughtUp.Tick].Grid, caughtUp.Grid, sim.Site.Terrain.Width, sim.Site.Terrain.Height);
        Assert.True(Cells(sim).Count(c => caughtUp.Grid.Fire(c.X, c.Y) == GridTile.BurnedOut) > 10, "the burned area reached the client");
        int behind = 0;
        foreach (var (tick, view) in seen)
        {
            foreach (var tile in view.Grid.Tiles)
            {
                Assert.True(Enumerable.Range(0, 400).Any(back => server.Views.TryGetValue(tick - back, out var old) && SameTile(tile, old.Grid.Find(tile.Key))),
                    $"tile {tile.Key} at tick {tick} matches no server view");
            }
            behind += HazardGrid.ChangedKeys(view.Grid, server.Views[tick].Grid).Count(k => !SameTile(view.Grid.Find(k), server.Views[tick].Grid.Find(k)));
        }
        Assert.True(behind > 0, "the budget never held a tile back");
    }

    /// <summary>The server's grid is the simulation's water on land, to 5 cm, its fire and its building damage.</summary>
    private static void AssertQuantisedFrom(Sim sim, HazardGrid grid)
    {
        var terrain = sim.Site.Terrain;
        var hazards = sim.Hazards;
        foreach (var (x, y) in Cells(sim))
        {
            int cell = (y * terrain.Width) + x;
            int depth = hazards.Water.Moving && hazards.Flood.IsLand(cell) ? Quantisation.WaterDepth(hazards.Water.DepthAt(cell)) : 0;
            Assert.Equal(depth, grid.WaterDepthUnits(x, y));
            byte fire = hazards.Fire.State(cell) switch { FireState.Burning => GridTile.Burning, FireState.BurnedOut => GridTile.BurnedOut, _ => GridTile.NoFire };
            Assert.Equal(fire, grid.Fire(x, y));
            Assert.Equal((byte)hazards.Buildings.At(cell), grid.BuildingDamage(x, y));
        }
    }

    private static void AssertSameCells(HazardGrid expected, HazardGrid actual, int width, int height)
    {
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (expected.WaterDepthUnits(x, y) != actual.WaterDepthUnits(x, y) || expected.Fire(x, y) != actual.Fire(x, y) || expected.BuildingDamage(x, y) != actual.BuildingDamage(x, y))
                {
                    Assert.Fail($"cell ({x}, {y}): depth {actual.WaterDepthUnits(x, y)}, fire {actual.Fire(x, y)}, damage {actual.BuildingDamage(x, y)}; " +
                        $"the server's {expected.WaterDepthUnits(x, y)}, {expected.Fire(x, y)}, {expected.BuildingDamage(x, y)}");
                }
            }
        }
    }

    private static bool SameTile(GridTile? a, GridTile? b) => a is null ? b is null : b is not null && a.SameCells(b.Cells);

    private static List<(int X, int Y)> Cells(Sim sim)
        => [.. Enumerable.Range(0, sim.Site.Terrain.CellCount).Select(c => (c % sim.Site.Terrain.Width, c / sim.Site.Terrain.Width))];

    /// <summary>The centre of the unburned, burnable cell nearest a point: where an author's fire catches.</summary>
    internal static System.Numerics.Vector2 FuelNear(Sim sim, System.Numerics.Vector2 near)
    {
        var terrain = sim.Site.Terrain;
        return terrain.CellCentre(Enumerable.Range(0, terrain.CellCount)
            .Where(c => sim.Hazards.Fire.State(c) == FireState.Unburned)
            .MinBy(c => System.Numerics.Vector2.Distance(terrain.CellCentre(c), near)));
    }
}
