using System.Numerics;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Inputs;
using AddPlayerCamera = TwinWorld.Protocol.V1.AddPlayerCamera;
using PlacedCameraMode = TwinWorld.Protocol.V1.PlacedCameraMode;
using PlayerPresence = TwinWorld.Protocol.V1.PlayerPresence;
using Resolution = TwinWorld.Protocol.V1.Resolution;

namespace TwinWorld.Simulation.Tests;

/// <summary>A player's pace and its own camera: how far a held key takes the avatar, and how the view follows and turns.</summary>
public class PlayerViewTests
{
    private const long Client = 7;

    // A 60 x 20 m open plaza (0.5 m cells) walled round.
    private static readonly string[] Plaza = Enumerable.Range(0, 42)
        .Select(y => y is 0 or 41 ? new string('#', 122) : "#" + new string('.', 120) + "#")
        .ToArray();

    private static Simulator NewPlaza()
    {
        var simulation = new Simulator(Layout.Build(0.5f, Plaza), new SimulationOptions { Seed = 2, Workers = 1 });
        simulation.Inputs.Enqueue(PlayerPresenceInput.Avatar(0, Client, new Vector2(5, 10)));
        simulation.Inputs.Enqueue(new PlayerPresenceInput(0, Client, new PlayerPresence { Camera = new AddPlayerCamera { Name = "Ann's view", Resolution = new Resolution { Width = 64, Height = 64 } } }));
        return simulation;
    }

    /// <summary>Holds a direction as a page does: the signal again every 5 ticks (250 ms) for the given ticks.</summary>
    private static void Hold(Simulator simulation, Vector2 direction, int ticks, bool run = false)
    {
        long from = simulation.Tick;
        for (long t = from; t < from + ticks; t++)
        {
            if ((t - from) % 5 == 0)
            {
                simulation.Inputs.Enqueue(Players.Signal(t, Client, direction, run));
            }
            simulation.Step();
        }
    }

    private static Vector2 AvatarAt(Simulator simulation) => simulation.World.Get<Position>(PlayerAvatar.Find(simulation, Client)!.Value).Value;

    [Theory]
    [InlineData(false, PlayerControl.WalkingSpeed)]
    [InlineData(true, PlayerControl.RunningSpeed)]
    public void A_held_key_walks_at_Weidmanns_free_speed_or_runs_whatever_the_avatars_own_speed(bool run, float pace)
    {
        var simulation = NewPlaza();

        Hold(simulation, new Vector2(3, 0), 80, run);

        // Four seconds at the pace, to within a tick's step.
        Assert.Equal(5 + (4 * pace), AvatarAt(simulation).X, pace / 20);
        Assert.Equal(10, AvatarAt(simulation).Y, 3);
    }

    [Fact]
    public void A_signal_holds_a_second_so_a_dropped_client_stops()
    {
        var simulation = NewPlaza();
        simulation.Inputs.Enqueue(Players.Signal(0, Client, Vector2.UnitX));

        for (int t = 0; t < 60; t++)
        {
            simulation.Step();
        }

        Assert.Equal(5 + (PlayerControl.WalkingSpeed * PlayerControl.SignalLifetimeSeconds), AvatarAt(simulation).X, 0.1);
        Assert.Equal(Behaviour.Idle, simulation.World.Get<Mind>(PlayerAvatar.Find(simulation, Client)!.Value).State);
    }

    [Fact]
    public void The_players_camera_starts_behind_its_avatar_and_eases_round_when_it_turns()
    {
        var simulation = NewPlaza();
        Hold(simulation, Vector2.UnitX, 40);
        var camera = PlayerCamera.Find(simulation, Client)!.Value;
        Assert.Equal(new CameraName("Ann's view"), simulation.World.Get<CameraName>(camera));
        Assert.Equal(new CameraOwner(Client), simulation.World.Get<CameraOwner>(camera));
        Assert.Equal(CameraMode.ThirdPersonFollow, simulation.World.Get<CameraRig>(camera).Mode);
        var behind = AvatarAt(simulation) - new Vector2(PlayerCameraArrival.Distance, 0);
        // An exponential follow trails a walker by its speed times the time constant.
        float trail = PlayerControl.WalkingSpeed * CameraSystem.FollowSeconds;
        Assert.True(Vector2.Distance(behind, Flat(simulation, camera)) < trail + 0.1f, $"the camera is at {Flat(simulation, camera)}, not behind the avatar at {behind}");

        // A turn north: a tick later the view has begun to swing round, not jumped.
        Hold(simulation, Vector2.UnitY, 1);
        var swinging = Flat(simulation, camera);
        var target = AvatarAt(simulation) - new Vector2(0, PlayerCameraArrival.Distance);
        Assert.True(Vector2.Distance(swinging, target) > 3, "the view eases rather than jumps");
        Hold(simulation, Vector2.UnitY, 39);
        Assert.True(Vector2.Distance(AvatarAt(simulation) - new Vector2(0, PlayerCameraArrival.Distance), Flat(simulation, camera)) < trail + 0.1f, "two seconds on, the view is behind again");
    }

    [Fact]
    public void A_player_turns_its_view_to_first_person_and_its_camera_leaves_with_it()
    {
        var simulation = NewPlaza();
        Hold(simulation, Vector2.UnitX, 10);
        simulation.Inputs.Enqueue(Players.View(simulation.Tick, Client, CameraMode.FirstPerson, DeterministicMath.HalfPi, -0.2f));
        simulation.Inputs.Enqueue(Players.View(simulation.Tick, Client, CameraMode.Overhead, 0, 0));
        simulation.Inputs.Enqueue(Players.View(simulation.Tick, Client, CameraMode.FirstPerson, 0, 2));
        var report = simulation.Step();
        Assert.Contains(report.Rejected, r => r.Contains("third-person follow or first person"));
        Assert.Contains(report.Rejected, r => r.Contains("view pitch must be -244 to 244 heading steps"));
        for (int t = 0; t < 60; t++)
        {
            simulation.Step();
        }

        var camera = PlayerCamera.Find(simulation, Client)!.Value;
        var pose = simulation.World.Get<CameraPose>(camera);
        Assert.Equal(CameraMode.FirstPerson, simulation.World.Get<CameraRig>(camera).Mode);
        Assert.True(Vector2.Distance(AvatarAt(simulation), Flat(simulation, camera)) < 0.05f, "first person looks from the avatar's eyes");
        Assert.Equal(CameraSystem.EyeHeight, pose.Position.Z, 0.05);
        Assert.Equal(DeterministicMath.HalfPi, pose.Yaw, 0.01); // east plus a quarter turn left
        Assert.Equal(-0.2f, pose.Pitch, 0.01);

        simulation.Inputs.Enqueue(PlayerPresenceInput.Leave(simulation.Tick, Client));
        simulation.Step();
        Assert.False(simulation.World.IsAlive(camera));
    }

    [Fact]
    public void Running_signals_named_cameras_and_a_players_view_survive_a_fork()
    {
        var simulation = NewPlaza();
        simulation.Inputs.Enqueue(WorldCommands.Camera(0, "overview", PlacedCameraMode.Overhead, new Vector3(30, 10, 50), 0, -90, 64, 64));
        simulation.Inputs.Enqueue(Players.Signal(3, Client, Vector2.UnitX, run: true));
        simulation.Inputs.Enqueue(Players.View(4, Client, CameraMode.FirstPerson, 1, 0));

        var fork = simulation.Fork();

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(simulation.Step().StateHash, fork.Step().StateHash);
        }
        Assert.Equal(CameraMode.FirstPerson, fork.World.Get<CameraRig>(PlayerCamera.Find(fork, Client)!.Value).Mode);
        Assert.True(AvatarAt(fork).X > 5 + (7 * PlayerControl.WalkingSpeed / 20), "the fork's avatar runs");
    }

    private static Vector2 Flat(Simulator simulation, Ecs.Entity camera)
    {
        var position = simulation.World.Get<CameraPose>(camera).Position;
        return new Vector2(position.X, position.Y);
    }
}
