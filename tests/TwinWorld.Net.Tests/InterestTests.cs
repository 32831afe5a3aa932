using System.Collections.Concurrent;
using System.Numerics;
using TwinWorld.Client;
using TwinWorld.Net.Interest;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Net.Tests;

/// <summary>Interest management over real UDP (LiteNetLib) on loopback, against the server's view of every tick.</summary>
public class InterestTests
{
    private const int Units = Quantisation.PositionUnitsPerMetre;

    [Fact]
    public async Task Without_a_radius_or_budget_every_mirrored_view_equals_the_servers_full_view()
    {
        using var server = new SteppedServer(new InterestOptions { RadiusMetres = 0, BudgetBytesPerTick = 0 });
        using var player = await server.Join(LiveServer.Player);
        var seen = Record(player);

        for (int i = 0; i < 40; i++)
        {
            await server.StepAndWait(player);
        }

        Assert.True(seen.Count >= 30, $"{seen.Count} views applied");
        foreach (var (tick, view) in seen)
        {
            var full = server.Views[tick];
            Assert.True(full.Agents.SequenceEqual(view.Agents), $"tick {tick}");
            Assert.Equal(full.ComputeHash(), view.ComputeHash());
        }
        Assert.NotNull(SessionTests.Avatar(seen[seen.Keys.Max()], player.ClientId));
    }

    /// <summary>
    /// A player with a small budget: every agent its mirror holds has a value the server had at some tick
    /// up to then, none lies beyond the forget radius, agents near the avatar are at most MaxStaleTicks
    /// old, an update carrying only new changes (against the tick before) fits the budget, and the mirror
    /// is exactly the view the server says it sent.
    /// </summary>
    [Fact]
    public async Task Under_a_budget_held_agents_are_the_servers_values_as_last_sent_and_near_ones_are_fresh()
    {
        var options = new InterestOptions { RadiusMetres = 80, ForgetRadiusMetres = 100, NearRadiusMetres = 25, MaxStaleTicks = 4, BudgetBytesPerTick = 256 };
        using var server = new SteppedServer(options, agents: 1200);
        using var player = await server.Join(LiveServer.Player);
        var seen = Record(player);
        var sizes = new ConcurrentQueue<(StateUpdate Update, int Bytes)>();
        player.UpdateReceived += (update, bytes) => sizes.Enqueue((update, bytes));

        long firstWithAvatar = -1;
        int stale = 0, checkedNear = 0, hashesChecked = 0;
        for (int i = 0; i < 160; i++)
        {
            var full = await server.StepAndWait(player);
            if (SessionTests.Avatar(full, player.ClientId) is { } avatar && firstWithAvatar < 0)
            {
                firstWithAvatar = full.Tick;
            }
            if (i % 40 == 39 && player.FindView(full.Tick) is { } mine)
            {
                var reply = await player.QueryStateHashAsync(full.Tick);
                Assert.Equal(mine.ComputeHash(), reply.ClientViewHash);
                Assert.NotEqual(reply.ViewHash, reply.ClientViewHash);
                hashesChecked++;
            }
        }
        Assert.True(firstWithAvatar >= 0);
        Assert.True(hashesChecked >= 3);

        foreach (var (tick, view) in seen.Where(s => s.Key > firstWithAvatar + options.MaxStaleTicks))
        {
            var full = server.Views[tick];
            var focus = SessionTests.Avatar(full, player.ClientId)!.Value;
            foreach (var held in view.Agents)
            {
                Assert.True(SentAt(server, held, tick, tick - 400) >= 0, $"agent {held.Id} at tick {tick} matches no server view");
                var now = full.FindAgent(held.Id);
                Assert.True(now is not null && Distance(now.Value, focus) <= options.ForgetRadiusMetres, $"agent {held.Id} is held beyond the forget radius");
                stale += held == now ? 0 : 1;
            }
            foreach (var near in full.Agents)
            {
                if (Distance(near, focus) <= 0.9 * options.NearRadiusMetres)
                {
                    var held = view.FindAgent(near.Id);
                    Assert.True(held is not null, $"near agent {near.Id} is missing at tick {tick}");
                    long sent = SentAt(server, held.Value, tick, tick - options.MaxStaleTicks);
                    Assert.True(sent >= 0, $"near agent {near.Id} is more than {options.MaxStaleTicks} ticks old at tick {tick}");
                    checkedNear++;
                }
            }
        }
        Assert.True(stale > 100, $"only {stale} held agents were out of date: the budget never bit");
        Assert.True(checkedNear > 100, $"only {checkedNear} near agents checked");

        // Once the avatar has settled in: the ticks around its spawn must bring every agent near it, whatever the budget.
        var fresh = sizes.Where(s => (long)s.Update.Tick > firstWithAvatar + options.MaxStaleTicks && (!s.Update.HasBaseline || s.Update.BaselineTick == s.Update.Tick - 1)).ToList();
        Assert.True(fresh.Count > 100, $"{fresh.Count} updates against the tick before");
        Assert.All(fresh, s => Assert.True(s.Bytes <= options.BudgetBytesPerTick, $"update {s.Update.Tick} is {s.Bytes} bytes"));
    }

    [Fact]
    public async Task Agents_far_outside_interest_are_destroyed_and_created_again_when_they_come_back()
    {
        var options = new InterestOptions { RadiusMetres = 50, ForgetRadiusMetres = 60, NearRadiusMetres = 10, BudgetBytesPerTick = 0 };
        using var server = new SteppedServer(options);
        server.Simulation.Inputs.Enqueue(PlacedCameras.Place(server.Simulation.Tick, "a", new Vector3(50, 50, 30), 90, -29, 64, 48));
        server.Simulation.Inputs.Enqueue(PlacedCameras.Place(server.Simulation.Tick, "b", new Vector3(200, 200, 30), 90, -29, 64, 48));
        using var viewer = await server.Join(LiveServer.Viewer);
        await SteppedUntil(server, viewer, () => viewer.Latest!.Cameras.Count == 2);
        var (a, b) = (viewer.Latest!.Cameras[0], viewer.Latest.Cameras[1]);

        viewer.Subscribe(a.CameraId);
        var nearA = await SteppedUntil(server, viewer, () => Within(viewer.Latest!, a, options.ForgetRadiusMetres) && viewer.Latest!.AgentCount > 0);
        var heldNearA = nearA.Agents.ToArray().Select(x => x.Id).ToHashSet();
        viewer.Subscribe(b.CameraId);
        var nearB = await SteppedUntil(server, viewer, () => Within(viewer.Latest!, b, options.ForgetRadiusMetres) && viewer.Latest!.AgentCount > 0);
        viewer.Subscribe(a.CameraId);
        var back = await SteppedUntil(server, viewer, () => Within(viewer.Latest!, a, options.ForgetRadiusMetres));

        Assert.DoesNotContain(nearB.Agents.ToArray(), x => heldNearA.Contains(x.Id));
        var full = server.Views[back.Tick];
        var expected = full.Agents.ToArray().Where(x => Distance(x, a) <= options.RadiusMetres).Select(x => x.Id).ToHashSet();
        Assert.True(expected.Count > 5, $"{expected.Count} agents near camera A");
        Assert.Subset(back.Agents.ToArray().Select(x => x.Id).ToHashSet(), expected);
        Assert.True(expected.Intersect(heldNearA).Count() > 5, "agents held near A, forgotten near B, are created again near A");
    }

    /// <summary>
    /// Eight players on a server that builds their updates on four threads at once: each player's mirror is
    /// exactly the view the server says it made for that player, and holds the player's own avatar.
    /// </summary>
    [Fact]
    public async Task On_four_stream_threads_every_player_mirrors_exactly_the_view_made_for_it()
    {
        var options = new InterestOptions { RadiusMetres = 40, ForgetRadiusMetres = 50, NearRadiusMetres = 10, BudgetBytesPerTick = 512 };
        using var server = new SteppedServer(options, agents: 1200, streamThreads: 4);
        var players = new List<TwinClient>();
        try
        {
            for (int i = 0; i < 8; i++)
            {
                players.Add(await server.Join(LiveServer.Player));
            }
            for (int i = 0; i < 30; i++)
            {
                await server.StepAndWait(players);
            }

            foreach (var player in players)
            {
                var mine = player.Latest!;
                var reply = await player.QueryStateHashAsync(mine.Tick);
                Assert.Equal(mine.ComputeHash(), reply.ClientViewHash);
                Assert.NotEqual(reply.ViewHash, reply.ClientViewHash);
                Assert.NotNull(SessionTests.Avatar(mine, player.ClientId));
            }
        }
        finally
        {
            players.ForEach(p => p.Dispose());
        }
    }

    internal static ConcurrentDictionary<long, StateView> Record(TwinClient client)
    {
        var seen = new ConcurrentDictionary<long, StateView>();
        client.StateApplied += view => seen[view.Tick] = view;
        return seen;
    }

    /// <summary>The newest tick from <paramref name="tick"/> back to <paramref name="oldest"/> at which the server's agent equals this one, or -1.</summary>
    private static long SentAt(SteppedServer server, AgentView agent, long tick, long oldest)
    {
        for (long t = tick; t >= Math.Max(0, oldest); t--)
        {
            if (server.Views.TryGetValue(t, out var view) && view.FindAgent(agent.Id) == agent)
            {
                return t;
            }
        }
        return -1;
    }

    private static async Task<StateView> SteppedUntil(SteppedServer server, TwinClient client, Func<bool> condition)
    {
        for (int i = 0; i < 200; i++)
        {
            await server.StepAndWait(client);
            if (condition())
            {
                return client.Latest!;
            }
        }
        throw new TimeoutException("the condition did not hold within 200 ticks");
    }

    private static bool Within(StateView view, CameraState camera, double metres)
        => view.Agents.ToArray().All(x => Distance(x, camera) <= metres);

    private static double Distance(AgentView agent, AgentView focus) => Math.Sqrt(Square(agent.X - focus.X) + Square(agent.Y - focus.Y)) / Units;

    private static double Distance(AgentView agent, CameraState camera) => Math.Sqrt(Square(agent.X - camera.X) + Square(agent.Y - camera.Y)) / Units;

    private static double Square(double x) => x * x;
}
