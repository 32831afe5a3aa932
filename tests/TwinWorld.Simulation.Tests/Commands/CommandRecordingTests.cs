using System.Numerics;
using TwinWorld.Protocol.Commands;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using PlacedCameraMode = TwinWorld.Protocol.V1.PlacedCameraMode;
using Point = TwinWorld.Protocol.V1.Point;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests.Commands;

/// <summary>Commands in recordings: their protobuf bytes and sender now, and the hazard records older files hold read as the same commands.</summary>
public class CommandRecordingTests
{
    [Fact]
    public void A_command_with_its_sender_reads_back_equal_with_its_defaults_filled_in()
    {
        var input = new CommandInput(42, new WorldCommand { Fire = new IgniteFire { At = new Point { X = 10, Y = 20 }, Name = "f" } })
        {
            From = new InputSender(7, 99),
        };

        var read = RoundTrip(writer => InputCodec.Write(writer, input));

        var command = Assert.IsType<CommandInput>(read);
        Assert.Equal(input, command);
        Assert.Equal(3, command.Command.Fire.Radius); // the default declared in commands.proto, recorded as it ran
        Assert.Equal(new InputSender(7, 99), command.From);
    }

    [Fact]
    public void A_fire_and_a_tornado_as_format_3_wrote_them_read_as_commands()
    {
        var fire = RoundTrip(writer =>
        {
            writer.Write((byte)10); // the IgniteFire tag of format 3 and older
            writer.Write(false);    // not scheduled
            writer.Write(5L);       // tick
            writer.Write(true);
            writer.Write("ridge");  // name
            writer.Write(float.PositiveInfinity); // duration: until stopped
            writer.Write(600f);
            writer.Write(500f);     // at
            writer.Write(4f);       // radius
        });
        var tornado = RoundTrip(writer =>
        {
            writer.Write((byte)11);
            writer.Write(true);
            writer.Write(9L);
            writer.Write(false);    // no name
            writer.Write(120f);     // duration
            writer.Write(1f);
            writer.Write(2f);
            writer.Write(300f);
            writer.Write(400f);
            writer.Write(12f);      // speed
            writer.Write(60f);      // max wind
            writer.Write(40f);      // core radius
        });

        Assert.Equal(new CommandInput(5, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(600, 500)), Radius = 4, Name = "ridge" } }), fire);
        var expected = new WorldCommand
        {
            Tornado = new StartTornado { From = Point.Of(new Vector2(1, 2)), To = Point.Of(new Vector2(300, 400)), Speed = 12, MaxWind = 60, CoreRadius = 40, Duration = 120 },
        };
        Assert.Equal(new CommandInput(9, expected) { Scheduled = true }, tornado);
        Assert.Empty(CommandRules.Problems(((CommandInput)tornado).Command));
    }

    [Fact]
    public void An_alert_a_spawn_and_a_despawn_as_format_4_wrote_them_read_as_commands()
    {
        var alert = RoundTrip(writer =>
        {
            writer.Write((byte)1);  // the IssueAlert tag of format 4 and older
            writer.Write(true);     // scheduled
            writer.Write(12L);      // tick
            writer.Write(30f);
            writer.Write(40f);      // centre
            writer.Write(250f);     // radius
            writer.Write(true);
            writer.Write("shelter-1");
        });
        var spawn = RoundTrip(writer =>
        {
            writer.Write((byte)3);  // SpawnAgents
            writer.Write(false);
            writer.Write(13L);
            writer.Write(2);        // AgentKind.Elderly
            writer.Write(50);       // count
            writer.Write(100f);
            writer.Write(200f);     // centre
            writer.Write(25f);      // radius
        });
        var despawn = RoundTrip(writer =>
        {
            writer.Write((byte)4);  // DespawnAgents
            writer.Write(false);
            writer.Write(14L);
            writer.Write(100f);
            writer.Write(200f);     // centre
            writer.Write(25f);      // radius
            writer.Write(7);        // count
        });

        Assert.Equal(WorldCommands.Alert(12, new Vector2(30, 40), 250, "shelter-1") with { Scheduled = true }, alert);
        Assert.Equal(WorldCommands.Spawn(13, "elderly", 50, new Vector2(100, 200), 25), spawn);
        Assert.Equal(WorldCommands.Despawn(14, 7, new Vector2(100, 200), 25), despawn);
    }

    [Fact]
    public void A_spawn_of_a_scenario_kind_from_format_4_reads_as_a_kind_the_world_refuses_by_number()
    {
        var spawn = RoundTrip(writer =>
        {
            writer.Write((byte)3);
            writer.Write(false);
            writer.Write(0L);
            writer.Write(5);        // the scenario's first kind of its own, which the file does not name
            writer.Write(1);
            writer.Write(10f);
            writer.Write(10f);
            writer.Write(5f);
        });
        var simulation = new Simulator(Terrain.ProceduralTown.Generate(new Terrain.ProceduralTownOptions { Seed = 1, Size = 128 }));
        simulation.Inputs.Enqueue(spawn);

        var report = simulation.Step();

        Assert.Contains(report.Rejected, r => r.Contains("there is no agent kind 'kind 5'"));
    }

    [Fact]
    public void A_placed_camera_as_format_5_wrote_it_reads_as_the_camera_command_with_the_same_pose()
    {
        var overview = RoundTrip(writer =>
        {
            writer.Write((byte)16); // the NamedCamera tag of format 5 and older
            writer.Write(false);
            writer.Write(0L);
            writer.Write(1);        // CameraMode.Overhead
            writer.Write(512f);
            writer.Write(512f);
            writer.Write(900f);     // position
            writer.Write(DeterministicMath.HalfPi);
            writer.Write(-DeterministicMath.HalfPi); // yaw and pitch, radians: north up, straight down
            writer.Write(60f);
            writer.Write(256);
            writer.Write(256);      // lens
            writer.Write("overview");
        });

        var expected = WorldCommands.Camera(0, "overview", PlacedCameraMode.Overhead, new Vector3(512, 512, 900), 0, -90, 256, 256);
        Assert.Equal(expected, overview);
        // The degrees give back the radians the old record held, bit for bit, so an old server recording replays.
        Assert.Equal(DeterministicMath.HalfPi, Cameras.Compass.Yaw(((CommandInput)overview).Command.Camera.Yaw));
        Assert.Equal(-DeterministicMath.HalfPi, Cameras.Compass.Pitch(((CommandInput)overview).Command.Camera.Pitch));
    }

    [Fact]
    public void A_players_avatar_camera_and_leaving_read_back_with_the_declared_lens_and_as_format_5_wrote_them()
    {
        var camera = RoundTrip(writer => InputCodec.Write(writer, PlayerPresenceInput.Camera(5, 12, "Ann's view")));
        var avatar = RoundTrip(writer =>
        {
            writer.Write((byte)13); // the SpawnAvatar tag of format 5 and older
            writer.Write(false);
            writer.Write(3L);
            writer.Write(12L);      // client
            writer.Write(40f);
            writer.Write(50f);      // where
            writer.Write(1);        // AgentKind.Child
        });
        var oldCamera = RoundTrip(writer =>
        {
            writer.Write((byte)17); // AddPlayerCamera
            writer.Write(false);
            writer.Write(4L);
            writer.Write(12L);
            writer.Write("Ann's view");
            writer.Write(70f);
            writer.Write(256);
            writer.Write(256);      // lens
        });
        var leave = RoundTrip(writer =>
        {
            writer.Write((byte)14); // RemoveAvatar
            writer.Write(false);
            writer.Write(9L);
            writer.Write(12L);
        });

        var presence = Assert.IsType<PlayerPresenceInput>(camera);
        Assert.Equal((70f, 256u, 256u), (presence.Presence.Camera.Fov, presence.Presence.Camera.Resolution.Width, presence.Presence.Camera.Resolution.Height));
        Assert.Equal(new InputSender(12, 0), presence.From);
        Assert.Equal(PlayerPresenceInput.Avatar(3, 12, new Vector2(40, 50), "child"), avatar);
        Assert.Equal(camera with { Tick = 4 }, oldCamera);
        Assert.Equal(PlayerPresenceInput.Leave(9, 12), leave);
    }

    [Fact]
    public void A_players_signal_and_view_read_back_as_the_client_sent_them_with_their_sender()
    {
        var signal = Players.Signal(3, 7, new Vector2(0.5f, -1), run: true);
        var view = Players.View(4, 7, Cameras.CameraMode.FirstPerson, DeterministicMath.HalfPi, -0.2f);

        Assert.Equal(signal, RoundTrip(writer => InputCodec.Write(writer, signal)));
        Assert.Equal(view, RoundTrip(writer => InputCodec.Write(writer, view)));
        Assert.Equal(new InputSender(7, 0), view.From);
    }

    [Fact]
    public void Signals_and_views_as_format_4_wrote_them_read_as_players_commands()
    {
        var running = RoundTrip(writer =>
        {
            writer.Write((byte)15); // the RunningSignal tag of format 4 and older
            writer.Write(false);
            writer.Write(20L);      // tick
            writer.Write(9L);       // client
            writer.Write(1f);
            writer.Write(0f);       // direction
        });
        var walking = RoundTrip(writer =>
        {
            writer.Write((byte)2);  // PlayerSignal
            writer.Write(false);
            writer.Write(21L);
            writer.Write(9L);
            writer.Write(0f);
            writer.Write(0f);       // stop
        });
        var view = RoundTrip(writer =>
        {
            writer.Write((byte)18); // SetPlayerView
            writer.Write(false);
            writer.Write(22L);
            writer.Write(9L);
            writer.Write(3);        // first person
            writer.Write(-DeterministicMath.HalfPi); // a quarter turn right, as radians
            writer.Write(Protocol.State.Quantisation.Radians(-33));
        });

        Assert.Equal(Players.Signal(20, 9, Vector2.UnitX, run: true), running);
        Assert.Equal(Players.Signal(21, 9, Vector2.Zero), walking);
        var expected = new Protocol.V1.PlayerView { Mode = Protocol.V1.CameraMode.FirstPerson, Yaw = 768, Pitch = -33 };
        Assert.Equal(expected, Assert.IsType<PlayerCommandInput>(view).Command.View);
        Assert.Equal(new InputSender(9, 0), view.From);
    }

    private static SimulationInput RoundTrip(Action<BinaryWriter> write)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }
        bytes.Position = 0;
        using var reader = new BinaryReader(bytes);
        return InputCodec.Read(reader);
    }
}
