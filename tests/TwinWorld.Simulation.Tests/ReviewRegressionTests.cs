using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using Point = TwinWorld.Protocol.V1.Point;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests;

/// <summary>Cases a code review found in the simulation; each failed before its fix.</summary>
public class ReviewRegressionTests
{
    private static Simulator Open(float cellSize, int size, double rateHz = 20, bool exit = true, Vector2? grass = null)
    {
        var rows = Layout.Room(size, size);
        if (exit)
        {
            rows[1] = "#" + new string('E', size - 2) + "#";
        }
        var site = Layout.Build(cellSize, rows);
        if (grass is { } patch)
        {
            site.WithGrass(patch, 1.5f);
        }
        return new Simulator(site, new SimulationOptions { Seed = 9, TickRateHz = rateHz, Workers = 2 });
    }

    private static void Run(Simulator simulation, double seconds)
    {
        for (long end = simulation.Tick + (long)(seconds * simulation.TickRateHz); simulation.Tick < end;)
        {
            simulation.Step();
        }
    }

    private static void KeepBusy(Simulator simulation, Entity agent)
        => simulation.World.Set(agent, simulation.World.Get<Mind>(agent) with { BusyUntilTick = long.MaxValue });

    [Fact]
    public void A_small_danger_in_view_is_seen()
    {
        var simulation = Open(cellSize: 1, size: 100, grass: new Vector2(45, 50));
        var agent = simulation.SpawnAgent(AgentKind.Civilian, new Vector2(50, 50));
        KeepBusy(simulation, agent);
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(45, 50)), Radius = 1.5f } }));

        Run(simulation, 5);

        Assert.True(simulation.World.Get<Perception>(agent).SeesDanger);
        Assert.Equal(Behaviour.Flee, simulation.World.Get<Mind>(agent).State);
    }

    [Fact]
    public void An_evacuating_agent_that_flees_goes_back_to_evacuating_when_the_danger_has_passed()
    {
        var simulation = Open(cellSize: 1, size: 100, grass: new Vector2(50, 52));
        var agent = simulation.SpawnAgent(AgentKind.Civilian, new Vector2(50, 60));
        simulation.StartEvacuating(agent);
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(50, 52)), Radius = 1.5f } }));
        Run(simulation, 4);
        Assert.Equal(Behaviour.Flee, simulation.World.Get<Mind>(agent).State);

        // The whole patch is alight at once and burns out in seconds; then the way to the exit is clear.
        Run(simulation, 120);

        Assert.Equal(Behaviour.Sheltered, simulation.World.Get<Mind>(agent).State);
    }

    [Fact]
    public void With_no_shelter_an_alerted_agent_that_fled_settles_instead_of_freezing_in_evacuate()
    {
        var simulation = Open(cellSize: 1, size: 60, exit: false, grass: new Vector2(30, 22));
        var agent = simulation.SpawnAgent(AgentKind.Civilian, new Vector2(30, 30));
        KeepBusy(simulation, agent);
        simulation.Inputs.Enqueue(WorldCommands.Alert(0, new Vector2(30, 30), 100));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(30, 22)), Radius = 1.5f } }));
        Run(simulation, 5);

        Run(simulation, 60);

        Assert.Equal(Behaviour.Idle, simulation.World.Get<Mind>(agent).State);
    }

    [Fact]
    public void An_agent_finishes_its_errand_during_the_reaction_delay()
    {
        var simulation = Open(cellSize: 1, size: 100);
        var agent = simulation.SpawnAgent(AgentKind.Elderly, new Vector2(50, 50));
        simulation.World.Set(agent, new Mind(Behaviour.Wander, Behaviour.Wander, Mind.Never, long.MaxValue));
        simulation.World.Set(agent, new Goal(Goal.NoZone, new Vector2(1, 0)));
        simulation.Inputs.Enqueue(WorldCommands.Alert(0, new Vector2(50, 50), 100));
        Run(simulation, 2);
        var before = simulation.World.Get<Position>(agent).Value;

        Run(simulation, 5); // the elderly react after 30 to 90 s

        Assert.Equal(Behaviour.Evacuate, simulation.World.Get<Mind>(agent).Pending);
        Assert.True(simulation.World.Get<Position>(agent).Value.X > before.X + 2, "still wandering east");
    }

    [Theory]
    [InlineData(0.25f, 1.0, AgentKind.Civilian)]
    [InlineData(0.25f, 20.0, AgentKind.Vehicle)]
    [InlineData(1.0f, 1.0, AgentKind.Civilian)]
    public void Agents_walk_up_to_a_one_cell_wall_and_never_through_it(float cellSize, double rateHz, AgentKind kind)
    {
        // A wall one cell thick splits the room; avatars starting at several distances before it are driven into it.
        int size = (int)(40 / cellSize);
        var rows = Layout.Room(size, size).Select(r => r[..(size / 2)] + "#" + r[((size / 2) + 1)..]).ToArray();
        var simulation = new Simulator(Layout.Build(cellSize, rows), new SimulationOptions { Seed = 1, TickRateHz = rateHz });
        float wallX = size / 2 * cellSize;
        var avatars = Enumerable.Range(0, 8).Select(i => simulation.SpawnAvatar(i, new Vector2(wallX - 2.5f - (i * 0.3f), 4 + (i * 4)), kind)).ToArray();
        for (long t = 0; t < 20 * rateHz; t++)
        {
            for (int i = 0; i < avatars.Length; i++)
            {
                simulation.Inputs.Enqueue(Players.Signal(t, i, Vector2.UnitX));
            }
            simulation.Step();
            Assert.All(avatars, a => Assert.True(simulation.World.Get<Position>(a).Value.X < wallX, $"crossed the wall at tick {t}"));
        }
        float reach = simulation.World.Get<Agent>(avatars[0]).Radius + cellSize;
        Assert.All(avatars, a => Assert.True(simulation.World.Get<Position>(a).Value.X > wallX - reach, "stopped short of the wall"));
    }

    [Fact]
    public void Agents_placed_on_the_same_spot_move_apart()
    {
        var simulation = Open(cellSize: 1, size: 40);
        var a = simulation.SpawnAgent(AgentKind.Civilian, new Vector2(20, 20));
        var b = simulation.SpawnAgent(AgentKind.Civilian, new Vector2(20, 20));
        simulation.StartEvacuating(a);
        simulation.StartEvacuating(b);

        Run(simulation, 1);

        Assert.True(Vector2.Distance(simulation.World.Get<Position>(a).Value, simulation.World.Get<Position>(b).Value) > 0.2f);
    }

    [Fact]
    public void A_spawn_that_cannot_be_completed_places_nobody()
    {
        var simulation = Open(cellSize: 1, size: 40);

        // The disc lies in the west wall but for a 5 cm sliver of floor: a few tries land, most do not.
        var report = SpawnAndStep(simulation, WorldCommands.Spawn(0, "civilian", 200, new Vector2(0.5f, 20), 0.55f));

        Assert.Contains(report.Rejected, r => r.Contains("none were placed"));
        Assert.DoesNotContain(report.Rejected, r => r.Contains("only 0 of"));
        Assert.Equal(0, simulation.CountBehaviours().Sum());
    }

    [Theory]
    [InlineData(float.NaN, 10f)]
    [InlineData(10f, float.PositiveInfinity)]
    [InlineData(10f, -1f)]
    public void Non_finite_or_negative_areas_are_rejected(float x, float radius)
    {
        var simulation = Open(cellSize: 1, size: 40);
        simulation.Inputs.Enqueue(WorldCommands.Alert(0, new Vector2(x, 10), radius));
        simulation.Inputs.Enqueue(WorldCommands.Spawn(0, "civilian", 1, new Vector2(x, 10), radius));

        var report = simulation.Step();

        Assert.Equal(2, report.Rejected.Count);
        Assert.Equal(0, simulation.CountBehaviours().Sum());
    }

    [Fact]
    public void A_huge_but_finite_signal_still_steers_the_avatar()
    {
        var simulation = Open(cellSize: 1, size: 40);
        var avatar = simulation.SpawnAvatar(1, new Vector2(20, 20));
        simulation.Inputs.Enqueue(Players.Signal(0, 1, new Vector2(1e30f, 0)));

        Run(simulation, 1);

        Assert.True(simulation.World.Get<Position>(avatar).Value.X > 20.5f);
    }

    [Fact]
    public void Invalid_agent_kinds_and_off_site_agents_are_refused_at_setup()
    {
        var simulation = Open(cellSize: 1, size: 40);
        var slowerThanMin = new AgentProfile("odd", 1, 0.1f, MinSpeed: 2, MaxSpeed: 1, 0.2f, 10, 10, true, false);

        Assert.Contains("MinSpeed", Assert.Throws<ArgumentException>(() => simulation.Profiles.Register(slowerThanMin)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulation.SpawnAgent(AgentKind.Civilian, new Vector2(-10, 0.5f)));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulation.SpawnAvatar(3, new Vector2(float.NaN, 5)));
    }

    [Fact]
    public void The_state_hash_covers_the_spawn_stream()
    {
        var a = Open(cellSize: 1, size: 40);
        var b = Open(cellSize: 1, size: 40);
        a.Inputs.Enqueue(WorldCommands.Spawn(0, "civilian", 5, new Vector2(1, 1), 0.5f));

        Assert.NotEqual(a.Step().StateHash, b.Step().StateHash);
    }

    private static TickReport SpawnAndStep(Simulator simulation, SimulationInput input)
    {
        simulation.Inputs.Enqueue(input);
        return simulation.Step();
    }
}
