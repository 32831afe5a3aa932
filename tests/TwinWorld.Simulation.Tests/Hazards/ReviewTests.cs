using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Harm;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Inputs;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using Point = TwinWorld.Protocol.V1.Point;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using StopHazard = TwinWorld.Protocol.V1.StopHazard;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests.Hazards;

/// <summary>Cases a review of the hazard wiring found; each failed before its fix.</summary>
public class ReviewTests
{
    private static readonly QueryDescription HazardQuery = new QueryDescription().WithAll<HazardEvent, HazardName>();

    private static Simulator NewField() => new(HazardSites.Field(100, 2), new SimulationOptions { Seed = 1, Workers = 2 });

    private static Dictionary<string, HazardEvent> Hazards(Simulator simulation)
    {
        var found = new Dictionary<string, HazardEvent>();
        foreach (var chunk in simulation.World.GetChunks(HazardQuery))
        {
            var events = chunk.GetSpan<HazardEvent>();
            var names = chunk.GetSpan<HazardName>();
            for (int i = 0; i < chunk.Count; i++)
            {
                found.Add(names[i].Value, events[i]);
            }
        }
        return found;
    }

    [Fact]
    public void An_ignition_at_a_NaN_point_is_rejected_and_the_run_goes_on()
    {
        // NaN converts to cell 0, so the site check alone passed it, and the fire grid threw every tick after.
        var simulation = NewField();
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(float.NaN, float.NaN)) } }));

        Assert.Contains("fire at must be a finite point", Assert.Single(simulation.Step().Rejected));
        Assert.Empty(Hazards(simulation));
        Assert.Empty(simulation.Step().Rejected);
    }

    [Fact]
    public void The_longest_duration_counts_in_ticks_and_a_longer_one_is_refused()
    {
        // Tick + ticks once overflowed into a stop tick in the past: the tornado never blew, and the fire,
        // ignited all the same, could not be put out ("already stopped"). Durations now stop at 100 days.
        var simulation = NewField();
        simulation.Step();
        simulation.Inputs.Enqueue(new CommandInput(1, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(10, 100)), To = Point.Of(new Vector2(190, 100)), Speed = 5, MaxWind = 40, Name = "t", Duration = float.MaxValue } }));
        simulation.Inputs.Enqueue(new CommandInput(1, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(100, 100)), Name = "f", Duration = 8_640_000 } }));
        Assert.Equal(["tick 1: StartTornado rejected: tornado duration must be 1 to 8640000 s (got 3.4028234663852886E+38)"], simulation.Step().Rejected);
        HazardSites.Run(simulation, 1);

        Assert.Equal(1 + (long)(8_640_000 * simulation.TickRateHz), Hazards(simulation)["f"].StopTick);
        Assert.True(simulation.Hazards.Fire.BurningCells > 0);
        simulation.Inputs.Enqueue(new CommandInput(simulation.Tick, new WorldCommand { Stop = new StopHazard { Name = "f" } }));
        HazardSites.Run(simulation, 0.1);
        Assert.Equal(0, simulation.Hazards.Fire.BurningCells);
    }

    public static TheoryData<CommandInput, string> BadPaths => new()
    {
        // Lifted at once: it blew for a single tick.
        { new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(100, 100)), To = Point.Of(new Vector2(100, 100)), Speed = 5, MaxWind = 40 } }), "the path must be at least 1 m long" },
        // The distance overflowed: a NaN vortex made the wind NaN everywhere, and the run went on.
        { new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(-3e38f, 100)), To = Point.Of(new Vector2(3e38f, 100)), Speed = 5, MaxWind = 40 } }), "within 100 km of the site" },
        { new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(100, 100)), To = Point.Of(new Vector2(100, 1e7f)), Speed = 5, MaxWind = 40 } }), "within 100 km of the site" },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public void Tornado_paths_of_no_length_or_far_off_the_site_are_rejected(CommandInput tornado, string expected)
    {
        var simulation = NewField();
        simulation.Inputs.Enqueue(tornado);

        Assert.Contains(expected, Assert.Single(simulation.Step().Rejected));
        Assert.Empty(Hazards(simulation));
        Assert.Empty(simulation.Hazards.Wind.Vortices);
    }

    [Fact]
    public void An_unnamed_hazard_is_not_refused_because_an_author_took_its_default_name_and_names_stop_as_they_start()
    {
        var simulation = NewField();
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(50, 50)), Name = " fire-2 " } }));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(150, 150)) } }));

        Assert.Empty(simulation.Step().Rejected);
        Assert.Equal(["fire-2", "fire-2-2"], Hazards(simulation).Keys.Order());

        simulation.Inputs.Enqueue(new CommandInput(1, new WorldCommand { Stop = new StopHazard { Name = " fire-2 " } }));
        Assert.Empty(simulation.Step().Rejected);
        Assert.Equal(1, Hazards(simulation)["fire-2"].StopTick);
    }

    [Fact]
    public void Standing_anywhere_in_a_burning_cell_is_standing_in_its_flames()
    {
        // Engulfment was judged by the distance to the cell's centre (under half a cell), which misses
        // the corners: there a person in the flames felt only the radiation of a line fire.
        var simulation = NewField();
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(100, 100)), Radius = 6 } }));
        HazardSites.Run(simulation, 0.1);
        var terrain = simulation.Site.Terrain;
        int cell = terrain.IndexAt(new Vector2(101, 101));
        Assert.True(simulation.Hazards.FireFront.LevelAt(cell) > 0);
        float inFlames = HarmModel.HeatFlux(simulation.Hazards.FireFront.LevelAt(cell), 0, terrain.CellSize);

        foreach (var at in (Vector2[])[new(101, 101), new(100.1f, 100.1f), new(101.9f, 101.9f), new(100.05f, 101.95f)])
        {
            var exposure = simulation.Hazards.ExposureAt(at);
            Assert.Equal(inFlames, exposure.HeatFlux);
            Assert.Equal(0, exposure.FireDistance);
        }
    }

    [Theory]
    [InlineData(3f)]
    [InlineData(15f)]
    [InlineData(36f)]
    public void A_tornado_reach_is_bounded_however_fast_it_travels_and_no_windy_point_lies_beyond_it(float travel)
    {
        // The bound took the travel off the speed: at 15 m/s (a usual translation speed) the danger
        // search, and at 36 m/s the damage search, covered the whole grid every tick.
        var wind = new WindField();
        var vortex = new WindVortex(Vector2.Zero, new Vector2(0, travel), CoreRadius: 30, MaxTangential: 45);
        wind.AddVortex(vortex);
        foreach (float speed in (float[])[15, 36, 54])
        {
            float reach = vortex.ReachOf(speed);
            Assert.True(reach <= 30 * (45 + travel) / speed, $"{speed} m/s reaches {reach} m");
            for (int r = 1; r <= 2000; r++)
            {
                for (int k = 0; k < 64; k++)
                {
                    var at = r * DeterministicMath.Direction(k * DeterministicMath.TwoPi / 64);
                    Assert.True(wind.At(at).Length() < speed || r <= reach, $"{wind.At(at).Length()} m/s at {at}, beyond the {reach} m reach of {speed} m/s");
                }
            }
        }
    }

    [Fact]
    public void Danger_around_a_fast_tornado_marks_exactly_the_cells_with_its_dangerous_wind()
    {
        var simulation = NewField();
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(100, 20)), To = Point.Of(new Vector2(100, 180)), Speed = 15, MaxWind = 50, CoreRadius = 20 } }));
        HazardSites.Run(simulation, 3);

        var terrain = simulation.Site.Terrain;
        var wind = simulation.Hazards.Wind;
        Assert.Single(wind.Vortices);
        for (int cell = 0; cell < terrain.CellCount; cell++)
        {
            bool windy = wind.At(terrain.CellCentre(cell)).Length() >= 15;
            Assert.Equal(windy, simulation.Hazards.Danger.LevelAt(cell) > 0);
        }
    }
}
