using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using Point = TwinWorld.Protocol.V1.Point;
using RaiseSea = TwinWorld.Protocol.V1.RaiseSea;
using SetWind = TwinWorld.Protocol.V1.SetWind;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using StartTsunami = TwinWorld.Protocol.V1.StartTsunami;
using StopHazard = TwinWorld.Protocol.V1.StopHazard;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests.Hazards;

public class HazardInputTests
{
    private static readonly QueryDescription HazardQuery = new QueryDescription().WithAll<HazardEvent, HazardName>();

    private static Simulator NewField() => new(HazardSites.Field(100, 2), new SimulationOptions { Seed = 1, Workers = 2 });

    private static List<(string Name, HazardEvent Event)> Hazards(Simulator simulation)
    {
        var found = new List<(string, HazardEvent)>();
        foreach (var chunk in simulation.World.GetChunks(HazardQuery))
        {
            var events = chunk.GetSpan<HazardEvent>();
            var names = chunk.GetSpan<HazardName>();
            for (int i = 0; i < chunk.Count; i++)
            {
                found.Add((names[i].Value, events[i]));
            }
        }
        return found;
    }

    [Fact]
    public void Hazards_are_named_entities_that_start_at_their_tick_and_stop_by_name()
    {
        var simulation = NewField();
        simulation.Inputs.Enqueue(new CommandInput(2, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(10, 10)), To = Point.Of(new Vector2(190, 190)), Speed = 5, MaxWind = 40 } }));
        simulation.Inputs.Enqueue(new CommandInput(3, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(10, 190)), To = Point.Of(new Vector2(190, 10)), Speed = 5, MaxWind = 40, Name = "twister" } }));
        simulation.Inputs.Enqueue(new CommandInput(10, new WorldCommand { Stop = new StopHazard { Name = "TORNADO-1" } }));
        for (int t = 0; t < 12; t++)
        {
            Assert.Empty(simulation.Step().Rejected);
            if (t == 5)
            {
                Assert.Equal(2, simulation.Hazards.Wind.Vortices.Count);
            }
        }

        var hazards = Hazards(simulation).OrderBy(h => h.Event.Number).ToArray();
        Assert.Equal(["tornado-1", "twister"], hazards.Select(h => h.Name));
        Assert.Equal((2, 10, HazardKind.Tornado), (hazards[0].Event.StartTick, hazards[0].Event.StopTick, hazards[0].Event.Kind));
        Assert.Equal(HazardEvent.Never, hazards[1].Event.StopTick);
        Assert.Single(simulation.Hazards.Wind.Vortices);
    }

    [Theory]
    [InlineData("there is no hazard named 'nothing' (hazards: tornado-1)")]
    public void Stopping_an_unknown_hazard_is_rejected_with_the_names_there_are(string expected)
    {
        var simulation = NewField();
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(10, 10)), To = Point.Of(new Vector2(190, 190)), Speed = 5, MaxWind = 40 } }));
        simulation.Inputs.Enqueue(new CommandInput(1, new WorldCommand { Stop = new StopHazard { Name = "nothing" } }));
        simulation.Step();

        Assert.Equal([$"tick 1: StopHazard rejected: {expected}"], simulation.Step().Rejected);
    }

    public static TheoryData<SimulationInput, string> BadHazards => new()
    {
        { new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(10, 10)), To = Point.Of(new Vector2(190, 190)), Speed = 30, MaxWind = 20 } }), "the maximum wind must exceed the translation speed" },
        { new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(float.NaN, 10)), To = Point.Of(new Vector2(190, 190)), Speed = 5, MaxWind = 40 } }), "tornado from must be a finite point" },
        { new CommandInput(0, new WorldCommand { Tsunami = new StartTsunami { Height = -1, Period = 300, From = 270 } }), "tsunami height must be 0.1 to 50 m (got -1)" },
        { new CommandInput(0, new WorldCommand { Tsunami = new StartTsunami { Height = 3, Period = 1, From = 270 } }), "tsunami period must be 5 to 7200 s (got 1)" },
        { new CommandInput(0, new WorldCommand { RaiseSea = new RaiseSea { Centre = Point.Of(new Vector2(50, 50)), Radius = 0, Height = 2 } }), "raise_sea radius must be 1 to 100000 m (got 0)" },
        { new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(-5, 50)) } }), "is not on the site" },
        { new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(50, 50)), Duration = -3 } }), "fire duration must be 1 to 8640000 s (got -3)" },
        { new CommandInput(0, new WorldCommand { Wind = new SetWind { Speed = 500, From = 90 } }), "wind speed must be 0 to 100 m/s (got 500)" },
    };

    [Theory]
    [MemberData(nameof(BadHazards))]
    public void Bad_hazard_parameters_are_rejected_with_a_reason_and_the_run_goes_on(SimulationInput input, string expected)
    {
        var simulation = NewField();
        simulation.Inputs.Enqueue(input);

        var report = simulation.Step();

        Assert.Contains(expected, Assert.Single(report.Rejected));
        Assert.Empty(Hazards(simulation));
        simulation.Step();
    }

    [Fact]
    public void A_tornado_stops_when_it_reaches_the_end_of_its_path_and_a_fire_when_nothing_is_left_burning()
    {
        // A road with a patch of grass 20 m across.
        var simulation = new Simulator(HazardSites.Field(100, 2, LandUse.Road).WithGrass(new Vector2(150, 150), 10), new SimulationOptions { Seed = 1, Workers = 2 });
        // 40 m at 10 m/s: it lifts 4 s (80 ticks) after touching down.
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(20, 100)), To = Point.Of(new Vector2(60, 100)), Speed = 10, MaxWind = 40, Name = "twister" } }));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(150, 150)), Radius = 4, Name = "blaze" } }));
        HazardSites.Run(simulation, 5);
        var twister = Hazards(simulation).Single(h => h.Name == "twister").Event;
        Assert.InRange(twister.StopTick, 80, 82);
        Assert.Empty(simulation.Hazards.Wind.Vortices);
        Assert.True(simulation.Hazards.Fire.BurningCells > 0, "the fire has caught at once");
        Assert.Equal(HazardEvent.Never, Hazards(simulation).Single(h => h.Name == "blaze").Event.StopTick);

        // The patch burns out in a few minutes; then the fire has ended, and says when.
        HazardSites.Run(simulation, 600);
        Assert.Equal(0, simulation.Hazards.Fire.BurningCells);
        var blaze = Hazards(simulation).Single(h => h.Name == "blaze").Event;
        Assert.True(blaze.StopTick < simulation.Tick, $"the burned-out fire stopped (stop tick {blaze.StopTick}, now {simulation.Tick})");
    }

    [Fact]
    public void A_fire_lit_where_nothing_burns_is_refused_with_what_the_ground_is()
    {
        var simulation = new Simulator(HazardSites.Field(100, 2, LandUse.Road), new SimulationOptions { Seed = 1, Workers = 1 });
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(50, 50)), Radius = 6 } }));

        var rejected = Assert.Single(simulation.Step().Rejected);

        Assert.Contains("nothing burns within 6 m of (50, 50), which is road: grass, shrub and forest burn", rejected.ToString());
        Assert.Empty(Hazards(simulation));
    }

    [Fact]
    public void Duplicate_names_are_rejected()
    {
        var simulation = NewField();
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(50, 50)), Name = "a" } }));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(10, 10)), To = Point.Of(new Vector2(190, 190)), Speed = 5, MaxWind = 40, Name = "A" } }));

        Assert.Contains("a hazard named 'A' already exists", Assert.Single(simulation.Step().Rejected));
    }

    [Fact]
    public void Wind_bearings_name_where_the_wind_comes_from()
    {
        var simulation = NewField();
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Wind = new SetWind { Speed = 10, From = 270 } }));
        simulation.Step();
        var fromWest = simulation.Hazards.Wind.Ambient;
        Assert.True(fromWest.X > 9.99f && MathF.Abs(fromWest.Y) < 0.01f, $"a west wind blows east: {fromWest}");

        simulation.Inputs.Enqueue(new CommandInput(1, new WorldCommand { Wind = new SetWind { Speed = 10, From = 0 } }));
        simulation.Step();
        Assert.True(simulation.Hazards.Wind.Ambient.Y < -9.99f, "a north wind blows south");
    }

    [Fact]
    public void A_storm_counts_at_head_height_so_adults_stand_through_25_m_s_and_children_are_knocked_over_past_it()
    {
        var simulation = NewField();
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Wind = new SetWind { Speed = 26, From = 90 } }));
        simulation.Inputs.Enqueue(WorldCommands.Spawn(0, "civilian", 50, new Vector2(100, 100), 40));
        simulation.Inputs.Enqueue(WorldCommands.Spawn(0, "child", 50, new Vector2(100, 100), 40));
        simulation.Step();

        Assert.Equal(26 * WindField.HeadHeightFactor, simulation.Hazards.ExposureAt(new Vector2(100, 100)).WindSpeed, 0.01f);
        for (int tick = 0; tick < 60 * 20; tick++)
        {
            simulation.Step();
        }
        var outcome = simulation.MeasureOutcome();
        // 15.6 m/s at head height: under adults' 20 m/s, past children's 15.
        Assert.Equal(50, outcome.Injured + outcome.Incapacitated);
        Assert.Equal(100, outcome.Agents);
    }
}
