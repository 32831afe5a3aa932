using System.Collections.Concurrent;
using System.Numerics;
using TwinWorld.Client;
using TwinWorld.Net.Tests.Web;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Net.Tests;

/// <summary>
/// A player's own view, as a new player meets it: over UDP and over the web viewer's WebSocket a player
/// joins, is told its own camera, walks while it holds a direction (re-sending it) and stops when it stops,
/// and its camera's generated frames arrive saying what drew them.
/// </summary>
public sealed class PlayerViewTests : IAsyncLifetime
{
    /// <summary>20 Hz: a 5 s hold is 100 ticks.</summary>
    private const int HoldTicks = 100;

    private readonly LiveServer _server = new("--Generation:Enabled=true", "--Generation:Model=", "--Generation:Resolution=32", "--Generation:Fps=2");

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Over_ENet_a_player_gets_its_own_named_camera_walks_while_it_holds_a_direction_and_stops_when_it_lets_go()
    {
        using var player = await _server.Connect(LiveServer.Player, "Ann");
        var joined = await player.JoinAsync();
        Assert.True(joined.HasAvatar);
        Assert.NotEqual(0u, joined.CameraId);
        var view = await player.WaitForStateAsync();
        var camera = view.Cameras.Single(c => c.CameraId == joined.CameraId);
        Assert.Equal(("Ann's view", CameraMode.ThirdPersonFollow, player.ClientId), (camera.Name, camera.Mode, camera.OwnerClientId));
        // A world without cameras of its own has the server's overview.
        Assert.Contains(view.Cameras, c => c.Name == "overview" && c.Mode == CameraMode.Overhead);
        var start = SessionTests.Avatar(view, player.ClientId)!.Value;
        AssertInTheOpen(start, view);

        var frames = new ConcurrentQueue<Frame>();
        player.FrameReceived += frames.Enqueue;
        player.Subscribe(joined.CameraId);
        var direction = OpenDirection(start);
        var held = await Hold(player, () => player.Steer(direction));
        float walked = Distance(start, SessionTests.Avatar(held, player.ClientId)!.Value);
        Assert.InRange(walked, 5f, 10f);

        // Let go: within the signal's second it stops, and then stays.
        var stopping = await player.WaitForStateAsync(held.Tick + 30);
        var stopped = await player.WaitForStateAsync(stopping.Tick + 40);
        Assert.True(Distance(SessionTests.Avatar(stopping, player.ClientId)!.Value, SessionTests.Avatar(stopped, player.ClientId)!.Value) < 0.05f,
            "the avatar stands still once its player stops sending");
        // Its camera followed it.
        var followed = stopped.Cameras.Single(c => c.CameraId == joined.CameraId);
        var avatar = SessionTests.Avatar(stopped, player.ClientId)!.Value;
        Assert.InRange(Vector2.Distance(new Vector2(followed.X, followed.Y), new Vector2(avatar.X, avatar.Y)) / Quantisation.PositionUnitsPerMetre, 4f, 8f);

        await SessionTests.WaitUntil(() => frames.Any(f => f.CameraId == joined.CameraId));
        Assert.All(frames, f => Assert.Equal(FrameSource.Renderer, f.Source));
    }

    [Fact]
    public async Task A_player_switches_its_view_to_first_person_and_a_bad_view_or_a_viewer_is_refused()
    {
        using var player = await _server.Connect(LiveServer.Player, "Bo");
        var joined = await player.JoinAsync();

        player.View(CameraMode.FirstPerson, yaw: 256, pitch: -50);
        await SessionTests.WaitUntil(() => player.Latest?.Cameras.Any(c => c.CameraId == joined.CameraId && c.Mode == CameraMode.FirstPerson) == true);
        var eyes = player.Latest!.Cameras.Single(c => c.CameraId == joined.CameraId);
        var avatar = SessionTests.Avatar(player.Latest, player.ClientId)!.Value;
        // Turned a quarter left of where the avatar faces, eventually (the view eases round).
        await SessionTests.WaitUntil(() => Turn(player.Latest!.Cameras.Single(c => c.CameraId == joined.CameraId).Yaw, (uint)(SessionTests.Avatar(player.Latest!, player.ClientId)!.Value.Heading + 256)) <= 4);
        Assert.Equal(player.ClientId, eyes.OwnerClientId);
        Assert.True(avatar.Owner == player.ClientId);

        player.View(CameraMode.Overhead);
        Assert.Contains("CAMERA_MODE_FIRST_PERSON", (await SessionTests.WaitForError(player, ErrorCode.InvalidArgument)).Message);
        player.View(CameraMode.ThirdPersonFollow, pitch: 245);
        await SessionTests.WaitUntil(() => player.Errors.Count(e => e.Code == ErrorCode.InvalidArgument) == 2);

        using var viewer = await _server.Join(LiveServer.Viewer, "watcher");
        viewer.View(CameraMode.FirstPerson);
        await SessionTests.WaitForError(viewer, ErrorCode.Forbidden);
    }

    [Fact]
    public async Task Over_a_WebSocket_a_player_holding_a_key_walks_and_gets_its_camera()
    {
        using var socket = await BrowserSocket.ConnectAsync(_server.HttpPort);
        await socket.HelloAsync(LiveServer.Player);
        var welcome = (await socket.ReceiveAsync(Envelope.BodyOneofCase.Welcome)).Welcome;
        Assert.Equal(250f, welcome.World.InterestRadiusMetres);
        await socket.SendAsync(new Envelope { Join = new JoinRequest() });
        var joined = (await socket.ReceiveAsync(Envelope.BodyOneofCase.Joined)).Joined;
        Assert.NotEqual(0u, joined.CameraId);

        // The page's loop: mirror and acknowledge every update; while the key is down, send the direction every 250 ms.
        var mirror = new StateMirror();
        var frames = new ConcurrentQueue<Frame>();
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && await socket.ReceiveAsync() is { } envelope)
            {
                if (envelope.BodyCase == Envelope.BodyOneofCase.State && mirror.Apply(envelope.State) == MirrorStatus.Applied)
                {
                    await socket.SendAsync(new Envelope { StateAck = new StateAck { Tick = envelope.State.Tick } });
                }
                else if (envelope.BodyCase == Envelope.BodyOneofCase.Frame)
                {
                    frames.Enqueue(envelope.Frame);
                }
            }
        });
        await SessionTests.WaitUntil(() => mirror.Latest is { } v && SessionTests.Avatar(v, welcome.ClientId) is not null);
        await socket.SendAsync(new Envelope { Subscribe = new CameraSubscribe { CameraIds = { joined.CameraId } } });
        var first = mirror.Latest!;
        Assert.Equal($"web test's view", first.Cameras.Single(c => c.CameraId == joined.CameraId).Name);
        var start = SessionTests.Avatar(first, welcome.ClientId)!.Value;
        var direction = OpenDirection(start);
        uint sequence = 0;
        while (mirror.Latest!.Tick < first.Tick + HoldTicks)
        {
            var signal = new PlayerSignal { Sequence = ++sequence, Tick = 0, DirectionX = direction.X, DirectionY = direction.Y };
            await socket.SendAsync(new Envelope { Input = new PlayerInput { Signals = { signal } } });
            await Task.Delay(250);
        }
        float walked = Distance(start, SessionTests.Avatar(mirror.Latest, welcome.ClientId)!.Value);
        Assert.InRange(walked, 5f, 10f);
        await SessionTests.WaitUntil(() => frames.Any(f => f.CameraId == joined.CameraId));
        Assert.All(frames, f => Assert.Equal(FrameSource.Renderer, f.Source));
        stop.Cancel();
        socket.Dispose();
        await Task.WhenAny(reading, Task.Delay(2000));
    }

    /// <summary>Holds a key for <see cref="HoldTicks"/> ticks as a page does: the signal again every 250 ms.</summary>
    private static async Task<StateView> Hold(TwinClient player, Action send)
    {
        long from = player.Latest!.Tick;
        while (player.Latest!.Tick < from + HoldTicks)
        {
            send();
            await Task.Delay(250);
        }
        return player.Latest!;
    }

    /// <summary>A direction with open, level-paced ground (road, plaza or grass) for 12 m, so a walk is not cut short by a wall.</summary>
    private Vector2 OpenDirection(AgentView from)
    {
        var terrain = _server.Simulation.Site.Terrain;
        var at = new Vector2(Quantisation.Metres(from.X), Quantisation.Metres(from.Y));
        for (int k = 0; k < 16; k++)
        {
            var direction = new Vector2(MathF.Cos(k * MathF.PI / 8), MathF.Sin(k * MathF.PI / 8));
            if (Enumerable.Range(0, 25).All(step => terrain.IndexAt(at + (direction * step * 0.5f)) is >= 0 and var cell
                && terrain.LandUse[cell] is LandUse.Road or LandUse.Plaza or LandUse.Grass))
            {
                return direction;
            }
        }
        throw new Xunit.Sdk.XunitException($"no open direction from {at}");
    }

    /// <summary>Spawned in the open: on open ground and away from every camera's marker.</summary>
    private void AssertInTheOpen(AgentView avatar, StateView view)
    {
        var terrain = _server.Simulation.Site.Terrain;
        var at = new Vector2(Quantisation.Metres(avatar.X), Quantisation.Metres(avatar.Y));
        Assert.True(terrain.LandUse[terrain.IndexAt(at)] is LandUse.Road or LandUse.Plaza or LandUse.Grass, $"the avatar spawned on {terrain.LandUse[terrain.IndexAt(at)]}");
        foreach (var camera in view.Cameras.Where(c => c.OwnerClientId == 0))
        {
            Assert.True(Vector2.Distance(at, new Vector2(Quantisation.Metres(camera.X), Quantisation.Metres(camera.Y))) >= 10, $"the avatar spawned under camera '{camera.Name}'");
        }
    }

    private static float Distance(AgentView a, AgentView b) => Vector2.Distance(new Vector2(a.X, a.Y), new Vector2(b.X, b.Y)) / Quantisation.PositionUnitsPerMetre;

    private static int Turn(uint a, uint b) => Math.Min((int)((a - b) % Quantisation.HeadingSteps), (int)((b - a) % Quantisation.HeadingSteps));
}
