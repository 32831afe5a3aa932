using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using PlacedCameraMode = TwinWorld.Protocol.V1.PlacedCameraMode;
using Point = TwinWorld.Protocol.V1.Point;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests;

/// <summary>What agents do in response to what they sense, and what players and cameras do.</summary>
public class BehaviourTests
{
    // A 40 x 20 m yard (0.5 m cells) with an exit strip along its east side.
    private static readonly string[] Yard = Enumerable.Range(0, 42)
        .Select(y => y is 0 or 41 ? new string('#', 84) : "#" + new string('.', 80) + "EE#")
        .ToArray();

    private static Simulator NewYard() => new(Layout.Build(0.5f, Yard).WithGrass(new Vector2(12, 10), 3), new SimulationOptions { Seed = 5, Workers = 2 });

    private static void Run(Simulator simulation, double seconds)
    {
        for (long end = simulation.Tick + (long)(seconds * simulation.TickRateHz); simulation.Tick < end;)
        {
            simulation.Step();
        }
    }

    private static Behaviour StateOf(Simulator simulation, Entity agent) => simulation.World.Get<Mind>(agent).State;

    [Fact]
    public void Agents_alerted_react_after_their_delay_and_walk_to_the_shelter()
    {
        var simulation = NewYard();
        var agents = Enumerable.Range(0, 20).Select(i => simulation.SpawnAgent(AgentKind.Civilian, new Vector2(3 + (i % 5), 3 + (i / 5)))).ToArray();
        simulation.Inputs.Enqueue(WorldCommands.Alert(20, new Vector2(20, 10), 100));

        Run(simulation, 1 + 14);
        // The civilians' reaction delay is 15 to 45 s: nobody has set off yet.
        Assert.DoesNotContain(agents, a => StateOf(simulation, a) is Behaviour.Evacuate or Behaviour.Sheltered);

        Run(simulation, 120);
        Assert.All(agents, a => Assert.Equal(Behaviour.Sheltered, StateOf(simulation, a)));
        Assert.All(agents, a => Assert.True(simulation.World.Get<Position>(a).Value.X > 40, "sheltered agents stand in the exit zone"));
    }

    [Fact]
    public void Agents_outside_the_alert_area_do_not_hear_it()
    {
        var simulation = NewYard();
        var near = simulation.SpawnAgent(AgentKind.Civilian, new Vector2(5, 5));
        var far = simulation.SpawnAgent(AgentKind.Civilian, new Vector2(35, 15));
        simulation.Inputs.Enqueue(WorldCommands.Alert(0, new Vector2(5, 5), 8));

        Run(simulation, 2);

        Assert.NotEqual(Perception.NoAlert, simulation.World.Get<Perception>(near).HeardAlert);
        Assert.Equal(Perception.NoAlert, simulation.World.Get<Perception>(far).HeardAlert);
    }

    [Fact]
    public void Agents_that_see_danger_nearby_flee_away_from_it()
    {
        var simulation = NewYard();
        var agent = simulation.SpawnAgent(AgentKind.Civilian, new Vector2(20, 10));
        simulation.World.Set(agent, simulation.World.Get<Mind>(agent) with { BusyUntilTick = long.MaxValue });
        Run(simulation, 1);

        simulation.Inputs.Enqueue(new CommandInput(simulation.Tick, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(12, 10)), Radius = 1 } }));
        Run(simulation, 4);

        Assert.Equal(Behaviour.Flee, StateOf(simulation, agent));
        Assert.True(simulation.World.Get<Position>(agent).Value.X > 21, "a fleeing agent moves away from the danger");
        Assert.True(simulation.World.Get<Perception>(agent).DangerDistance < ThinkSystem.FleeDistance);
    }

    [Fact]
    public void An_avatar_walks_where_its_player_signals_and_stops_when_the_signals_stop()
    {
        var simulation = NewYard();
        var avatar = simulation.SpawnAvatar(clientId: 7, new Vector2(10, 10));
        for (long t = 0; t < 40; t += 5)
        {
            simulation.Inputs.Enqueue(Players.Signal(t, 7, new Vector2(0, 1)));
        }

        Run(simulation, 2);
        var moved = simulation.World.Get<Position>(avatar).Value;
        Assert.Equal(Behaviour.FollowPlayer, StateOf(simulation, avatar));
        Assert.True(moved.Y > 11.5f && MathF.Abs(moved.X - 10) < 0.1f, $"avatar at {moved}");
        Assert.Equal(DeterministicMath.HalfPi, simulation.World.Get<Heading>(avatar).Radians, 3);

        Run(simulation, 5);
        var stopped = simulation.World.Get<Position>(avatar).Value;
        Run(simulation, 1);
        Assert.Equal(Behaviour.Idle, StateOf(simulation, avatar));
        Assert.Equal(stopped, simulation.World.Get<Position>(avatar).Value);
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_a_reason_and_the_run_goes_on()
    {
        var simulation = NewYard();
        simulation.Inputs.Enqueue(Players.Signal(0, 99, Vector2.UnitX));
        simulation.Inputs.Enqueue(WorldCommands.Alert(0, Vector2.Zero, 10, shelter: "castle"));
        simulation.Inputs.Enqueue(WorldCommands.Spawn(0, "civilian", 0, Vector2.Zero, 1));
        simulation.Inputs.Enqueue(WorldCommands.Camera(0, "lost", PlacedCameraMode.Fixed, new Vector3(-500, 0, 10), 0, 0, 64, 64));
        simulation.Inputs.Enqueue(WorldCommands.Spawn(0, "child", 3, new Vector2(10, 10), 2));

        var report = simulation.Step();

        Assert.Equal(1, report.InputsApplied);
        Assert.Equal(4, report.Rejected.Count);
        Assert.Contains(report.Rejected, r => r.Contains("client 99 has no avatar"));
        Assert.Contains(report.Rejected, r => r.Contains("no shelter named 'castle'") && r.Contains("exit"));
        Assert.Contains(report.Rejected, r => r.Contains("the camera position (-500, 0) is not over the site"));
        Assert.Equal(3, simulation.CountBehaviours().Sum());
        simulation.Step();
    }

    [Fact]
    public void Inputs_apply_at_their_tick_and_late_ones_at_the_next()
    {
        var simulation = NewYard();
        simulation.Inputs.Enqueue(WorldCommands.Spawn(3, "civilian", 1, new Vector2(10, 10), 2));
        Run(simulation, 0.1);
        Assert.Equal(0, simulation.CountBehaviours().Sum());
        simulation.Inputs.Enqueue(WorldCommands.Spawn(1, "civilian", 1, new Vector2(10, 10), 2));

        var report = simulation.Step();

        Assert.Equal(2, report.Tick);
        Assert.Equal(1, report.InputsApplied);
        Assert.Equal(1, simulation.Inputs.Late);
        Assert.Equal(2, simulation.Step().InputsApplied + 1);
    }

    [Fact]
    public void Cameras_follow_their_target_in_each_mode_and_free_cameras_stay_put()
    {
        var simulation = NewYard();
        var avatar = simulation.SpawnAvatar(1, new Vector2(10, 10));
        var lens = new CameraLens(60, 256, 144);
        var overhead = simulation.AddCamera(CameraMode.Overhead, default, lens, target: avatar, height: 30);
        var follow = simulation.AddCamera(CameraMode.ThirdPersonFollow, default, lens, target: avatar, distance: 6, height: 3);
        var eyes = simulation.AddCamera(CameraMode.FirstPerson, default, lens, target: avatar);
        var free = simulation.AddCamera(CameraMode.Free, default, lens, ownerClientId: 1);
        simulation.Inputs.Enqueue(Players.Signal(0, 1, Vector2.UnitX));

        Run(simulation, 1);

        var at = simulation.World.Get<Position>(avatar).Value;
        var poses = simulation.World;
        Assert.Equal(new Vector3(at, 30), poses.Get<CameraPose>(overhead).Position);
        Assert.Equal(-DeterministicMath.HalfPi, poses.Get<CameraPose>(overhead).Pitch);
        Assert.True(Vector2.Distance(new Vector2(at.X - 6, at.Y), new Vector2(poses.Get<CameraPose>(follow).Position.X, poses.Get<CameraPose>(follow).Position.Y)) < 0.05f);
        Assert.Equal(new Vector3(at, CameraSystem.EyeHeight), poses.Get<CameraPose>(eyes).Position);
        Assert.Equal(default, poses.Get<CameraPose>(free));
        Assert.Equal(new CameraOwner(1), poses.Get<CameraOwner>(free));
        Assert.Equal(lens, poses.Get<CameraLens>(free));
    }

    [Fact]
    public void Speeds_follow_Weidmann_by_kind()
    {
        var simulation = NewYard();
        var speeds = Enum.GetValues<AgentKind>().ToDictionary(k => k, k => Enumerable.Range(0, 400)
            .Select(_ => simulation.World.Get<Agent>(simulation.SpawnAgent(k, new Vector2(5, 5))).FreeSpeed).Average());

        Assert.Equal(1.34, speeds[AgentKind.Civilian], 0.05);
        Assert.True(speeds[AgentKind.Child] < speeds[AgentKind.Civilian] && speeds[AgentKind.Elderly] < speeds[AgentKind.Child]);
        Assert.True(speeds[AgentKind.Vehicle] > 5);
        Assert.Equal(1.0, ActSystem.CrowdFactor(0), 6);
        Assert.InRange(ActSystem.CrowdFactor(1.0f), 0.75, 0.85);
        Assert.InRange(ActSystem.CrowdFactor(5.0f), 0.1, 0.15);
    }
}
