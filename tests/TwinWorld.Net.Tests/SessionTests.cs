using System.Diagnostics;
using System.Numerics;
using TwinWorld.Client;
using TwinWorld.Net.Transport;
using TwinWorld.Protocol;
using TwinWorld.Protocol.V1;
using TwinWorld.Protocol.Wire;
using TwinWorld.Simulation;

namespace TwinWorld.Net.Tests;

/// <summary>A real server and real clients over UDP (LiteNetLib) on 127.0.0.1.</summary>
public class SessionTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task Deltas_rebuild_the_view_the_server_sent_exactly()
    {
        using var client = await server.Join(LiveServer.Viewer);
        var first = await client.WaitForStateAsync();

        for (int i = 1; i <= 6; i++)
        {
            // Asked at once: the server keeps a client's views only a few ticks past what it acknowledged.
            var mirrored = await client.WaitForStateAsync(first.Tick + (5 * i));
            var reply = await client.QueryStateHashAsync(mirrored.Tick);
            Assert.Equal((ulong)mirrored.Tick, reply.Tick);
            Assert.Equal(reply.ClientViewHash, mirrored.ComputeHash());
            Assert.NotEqual(0UL, reply.StateHash);
        }
        // The town's 300 people; players' avatars from other tests of this class may be there too.
        int people = 0;
        foreach (var agent in first.Agents)
        {
            people += agent.Owner == 0 ? 1 : 0;
        }
        Assert.Equal(300, people);
        // At least 30 deltas applied on top of the snapshot: counted, not inferred from ticks, since a network thread
        // that trails the tick sends a client only the newest view (seen once on an idle CI run: fewer than 30 by tick + 30).
        await WaitUntil(() => client.StateUpdatesApplied >= 30);
    }

    [Fact]
    public async Task A_client_that_joins_mid_session_sees_the_same_world()
    {
        using var early = await server.Join(LiveServer.Viewer, "early");
        await early.WaitForStateAsync(early.Latest!.Tick + 20);
        using var late = await server.Join(LiveServer.Analyst, "late");

        var seen = await late.WaitForStateAsync(late.Latest!.Tick + 5);
        await early.WaitForStateAsync(seen.Tick);
        var both = early.FindView(seen.Tick) ?? early.FindView(seen.Tick + 1);
        var same = late.FindView(both!.Tick);

        Assert.NotNull(same);
        Assert.Equal(both.ComputeHash(), same!.ComputeHash());
        Assert.True(both.Agents.SequenceEqual(same.Agents));
    }

    [Fact]
    public async Task A_player_moves_its_avatar_and_a_viewer_cannot()
    {
        using var player = await server.Connect(LiveServer.Player, "walker");
        var joined = await player.JoinAsync();
        Assert.True(joined.HasAvatar);
        var start = await WaitForAvatar(player);

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            player.Steer(Vector2.UnitX);
            await Task.Delay(200);
        }
        var moved = Avatar(player.Latest!, player.ClientId)!.Value;
        Assert.True(moved.X - start.X > 64, $"the avatar went from x={start.X} to x={moved.X} (1/64 m units)");

        using var viewer = await server.Join(LiveServer.Viewer, "watcher");
        viewer.Send(NetChannel.State, new Envelope { Input = new PlayerInput { Signals = { new PlayerSignal { Sequence = 1, Tick = 1, DirectionX = 1 } } } });
        var refused = await WaitForError(viewer, ErrorCode.Forbidden);
        Assert.Contains("Viewer may not", refused.Message);
        Assert.Null(Avatar(viewer.Latest!, viewer.ClientId));
    }

    [Fact]
    public async Task A_hazard_lasting_past_100_days_is_refused_as_a_duration_typed_in_a_scenario_is()
    {
        using var author = await server.Join(LiveServer.Author, "author");

        var error = await Assert.ThrowsAsync<TwinClientException>(() => author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Fire = new IgniteFire { At = new Point { X = 100, Y = 100 }, Duration = 1e30f } } }));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("fire duration must be 1 to 8640000 s (got 1.0000000150474662E+30)", error.Message);
    }

    [Fact]
    public async Task An_author_injects_a_fire_that_clients_see_and_a_viewer_cannot()
    {
        using var author = await server.Join(LiveServer.Author, "author");
        using var viewer = await server.Join(LiveServer.Viewer, "viewer");

        var at = HazardTileTests.FuelNear(server.Simulation, new Vector2(100, 120));
        var result = await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Fire = new IgniteFire { At = new Point { X = at.X, Y = at.Y }, Radius = 6, Name = "test-fire" } } });
        // Stamped for result.Tick, it runs then or, when the network thread trails the tick thread, a tick or more later.
        await WaitUntil(() => viewer.Latest?.Hazards.Any(h => h.Name == "test-fire") == true);

        var fire = viewer.Latest!.Hazards.Single(h => h.Name == "test-fire");
        Assert.True(viewer.Latest.Tick >= (long)result.Tick, "the fire shows no earlier than the tick it was stamped for");
        Assert.Equal(HazardKind.Fire, fire.Kind);
        Assert.Equal(((int)(at.X * 64), (int)(at.Y * 64)), (fire.X, fire.Y));
        var forbidden = await Assert.ThrowsAsync<TwinClientException>(() => viewer.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Wind = new SetWind { Speed = 3 } } }));
        Assert.Equal(ErrorCode.Forbidden, forbidden.Code);
        var invalid = await Assert.ThrowsAsync<TwinClientException>(() => author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Fire = new IgniteFire { At = new Point { X = float.NaN } } } }));
        Assert.Equal(ErrorCode.InvalidArgument, invalid.Code);

        // A second fire of that name is well formed, so it is queued, and refused at its tick: the author hears why.
        var elsewhere = HazardTileTests.FuelNear(server.Simulation, new Vector2(60, 60));
        var again = await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Fire = new IgniteFire { At = new Point { X = elsewhere.X, Y = elsewhere.Y }, Radius = 4, Name = "test-fire" } } });
        await WaitUntil(() => author.Errors.Any(e => e.RequestId == again.RequestId));
        var refused = author.Errors.Single(e => e.RequestId == again.RequestId);
        Assert.Equal(ErrorCode.CommandRejected, refused.Code);
        // At its stamped tick, or later when the network thread trails the tick thread.
        var ranAt = System.Text.RegularExpressions.Regex.Match(refused.Message, @"^tick (\d+): IgniteFire rejected:");
        Assert.True(ranAt.Success && ulong.Parse(ranAt.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= again.Tick, refused.Message);
        Assert.Contains("test-fire", refused.Message);
        Assert.DoesNotContain(author.Errors, e => e.RequestId == result.RequestId);
    }

    [Fact]
    public async Task A_command_that_runs_late_is_still_answered_when_the_world_refuses_it()
    {
        using var stepped = new SteppedServer(new Interest.InterestOptions(), agents: 10);
        using var author = await stepped.Join(LiveServer.Author);
        // The world runs on without the network thread seeing it, so the commands are stamped for a tick
        // already past and run late, as copies re-stamped to the tick that takes them.
        for (int i = 0; i < 5; i++)
        {
            stepped.Step(publish: false);
        }
        var (a, b) = (HazardTileTests.FuelNear(stepped.Simulation, new Vector2(60, 60)), HazardTileTests.FuelNear(stepped.Simulation, new Vector2(90, 90)));
        var first = await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Fire = new IgniteFire { At = new Point { X = a.X, Y = a.Y }, Radius = 4, Name = "late-fire" } } });
        var second = await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Fire = new IgniteFire { At = new Point { X = b.X, Y = b.Y }, Radius = 4, Name = "late-fire" } } });
        Assert.True((long)second.Tick < stepped.Simulation.Tick, $"the command is late: stamped {second.Tick}, the world is at {stepped.Simulation.Tick}");

        stepped.Step();

        await WaitUntil(() => author.Errors.Any(e => e.RequestId == second.RequestId));
        var refused = author.Errors.Single(e => e.RequestId == second.RequestId);
        Assert.Equal(ErrorCode.CommandRejected, refused.Code);
        Assert.Contains("late-fire", refused.Message);
        Assert.DoesNotContain(author.Errors, e => e.RequestId == first.RequestId);
    }

    [Fact]
    public async Task An_authors_alert_spawn_and_despawn_go_by_their_declared_rules_and_the_world_refuses_an_unknown_zone_to_the_author()
    {
        using var stepped = new SteppedServer(new Interest.InterestOptions(), agents: 10);
        using var author = await stepped.Join(LiveServer.Author);
        var everywhere = new Area { Everywhere = true };

        var spawn = await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Spawn = new SpawnAgents { Kind = "child", Count = 5, Area = everywhere } } });
        var none = await Assert.ThrowsAsync<TwinClientException>(() => author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Despawn = new DespawnAgents { Count = 0, Area = everywhere } } }));
        var alert = await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Alert = new IssueAlert { Area = new Area { Zone = "no-such-zone" } } } });
        stepped.Step();

        Assert.Equal(ErrorCode.InvalidArgument, none.Code);
        Assert.Contains("despawn count must be 1 to 1000000 (got 0)", none.Message);
        await WaitUntil(() => author.Errors.Any(e => e.RequestId == alert.RequestId));
        var refused = author.Errors.Single(e => e.RequestId == alert.RequestId);
        Assert.Equal(ErrorCode.CommandRejected, refused.Code);
        Assert.Contains("there is no zone named 'no-such-zone'", refused.Message);
        Assert.DoesNotContain(author.Errors, e => e.RequestId == spawn.RequestId);
        Assert.Equal(15, stepped.Simulation.MeasureOutcome().Agents);
    }

    [Fact]
    public async Task An_author_places_a_camera_that_viewers_see_and_a_second_of_its_name_is_refused_to_the_author()
    {
        using var stepped = new SteppedServer(new Interest.InterestOptions(), agents: 10);
        using var author = await stepped.Join(LiveServer.Author);
        using var viewer = await stepped.Join(LiveServer.Viewer);
        var camera = new PlaceCamera { Name = "tower", Mode = PlacedCameraMode.Fixed, Position = new Point3 { X = 80, Y = 90, Z = 30 }, Yaw = 45, Pitch = -20 };

        var placed = await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Camera = camera } });
        var again = await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Camera = camera } });
        var tooWide = await Assert.ThrowsAsync<TwinClientException>(() => author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Camera = new PlaceCamera(camera) { Name = "wide", Fov = 200 } } }));
        await stepped.StepAndWait(viewer);

        var seen = viewer.Latest!.Cameras.Single(c => c.Name == "tower");
        Assert.Equal(Protocol.V1.CameraMode.Fixed, seen.Mode);
        Assert.Equal(ErrorCode.InvalidArgument, tooWide.Code);
        Assert.Contains("camera fov must be 1 to 170 degrees (got 200)", tooWide.Message);
        await WaitUntil(() => author.Errors.Any(e => e.RequestId == again.RequestId));
        Assert.Contains("a camera named 'tower' already exists", author.Errors.Single(e => e.RequestId == again.RequestId).Message);
        Assert.DoesNotContain(author.Errors, e => e.RequestId == placed.RequestId);
    }

    [Fact]
    public async Task A_tornado_that_reached_the_end_of_its_path_is_reported_stopped_so_maps_drop_it()
    {
        using var stepped = new SteppedServer(new Interest.InterestOptions(), agents: 10);
        using var viewer = await stepped.Join(LiveServer.Viewer);
        // 20 m at 10 m/s: it lifts 2 s (40 ticks) after touching down.
        stepped.Simulation.Inputs.Enqueue(new Simulation.Commands.CommandInput(stepped.Simulation.Tick, new WorldCommand { Tornado = new StartTornado { From = new Point { X = 40, Y = 40 }, To = new Point { X = 60, Y = 40 }, Speed = 10, MaxWind = 40, Name = "short" } }));

        await stepped.StepAndWait(viewer);
        var running = viewer.Latest!.Hazards.Single(h => h.Name == "short");
        Assert.False(running.Stopped);
        for (int i = 0; i < 45; i++)
        {
            await stepped.StepAndWait(viewer);
        }

        var ended = viewer.Latest!.Hazards.Single(h => h.Name == "short");
        Assert.True(ended.Stopped, "the tornado that lifted is reported stopped");
        Assert.InRange((long)ended.StopTick - (long)running.StartTick, 40, 42);
    }

    [Fact]
    public async Task A_wrong_version_or_token_is_refused_and_disconnected()
    {
        using var old = await TwinClient.ConnectRawAsync("127.0.0.1", server.Port);
        var version = await Assert.ThrowsAsync<TwinClientException>(() => old.HandshakeAsync(LiveServer.Viewer, "old", version: 99));
        Assert.Equal(ErrorCode.VersionMismatch, version.Code);
        Assert.Contains($"version {ProtocolVersion.Current}, not 99", version.Message);

        var token = await Assert.ThrowsAsync<TwinClientException>(() => server.Connect("not-a-token"));
        Assert.Equal(ErrorCode.BadToken, token.Code);
        await WaitUntil(() => !old.IsConnected);
    }

    [Fact]
    public async Task Messages_before_the_handshake_or_join_get_error_codes()
    {
        using var early = await TwinClient.ConnectRawAsync("127.0.0.1", server.Port);
        early.Send(NetChannel.Control, new Envelope { Join = new JoinRequest() });
        Assert.Contains("Join before Hello", (await WaitForError(early, ErrorCode.HandshakeRequired)).Message);

        await early.HandshakeAsync(LiveServer.Viewer, "eager");
        early.Send(NetChannel.Control, new Envelope { HashQuery = new StateHashQuery { RequestId = 0 } });
        await WaitForError(early, ErrorCode.NotJoined);
        early.Send(NetChannel.Control, new Envelope { Hello = new Hello { ProtocolVersion = 1, Token = LiveServer.Viewer } });
        await WaitForError(early, ErrorCode.AlreadyJoined);
        Assert.True(early.IsConnected);
    }

    [Fact]
    public async Task A_reconnect_resumes_with_a_fresh_snapshot_and_a_new_avatar()
    {
        ulong firstId;
        long leftAt;
        using (var first = await server.Connect(LiveServer.Player, "flaky"))
        {
            await first.JoinAsync();
            await WaitForAvatar(first);
            (firstId, leftAt) = (first.ClientId, first.Latest!.Tick);
        }

        using var again = await server.Join(LiveServer.Player, "flaky");
        await WaitForAvatar(again);
        var view = await again.WaitForStateAsync(leftAt + 10);

        Assert.NotEqual(firstId, again.ClientId);
        Assert.True(view.Tick > leftAt);
        await WaitUntil(() => Avatar(again.Latest!, firstId) is null);
    }

    [Fact]
    public async Task Without_a_scenario_analysts_are_told_forecasts_are_not_available_and_others_that_they_are_forbidden()
    {
        using var analyst = await server.Join(LiveServer.Analyst, "analyst");
        using var viewer = await server.Join(LiveServer.Viewer, "viewer");

        Assert.Equal(ErrorCode.NotAvailable, (await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(600).ToListAsync().AsTask())).Code);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<TwinClientException>(() => viewer.ForecastAsync(600).ToListAsync().AsTask())).Code);
        Assert.True(await analyst.PingAsync() >= 0);
    }

    internal static Protocol.State.AgentView? Avatar(Protocol.State.StateView view, ulong clientId)
    {
        foreach (var agent in view.Agents)
        {
            if (agent.Owner == clientId)
            {
                return agent;
            }
        }
        return null;
    }

    internal static async Task<Protocol.State.AgentView> WaitForAvatar(TwinClient client)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (client.Latest is { } view && Avatar(view, client.ClientId) is { } avatar)
            {
                return avatar;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"client {client.ClientId} has no avatar");
    }

    internal static async Task<Error> WaitForError(TwinClient client, ErrorCode code)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (client.Errors.FirstOrDefault(e => e.Code == code) is { } error)
            {
                return error;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"no {code} error; got: {string.Join(", ", client.Errors.Select(e => e.Code))}");
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the condition did not hold within 10 s");
            await Task.Delay(10);
        }
    }
}
