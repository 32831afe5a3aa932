using System.Diagnostics;
using System.Numerics;
using TwinWorld.Protocol.State;
using TwinWorld.TestSupport;

namespace TwinWorld.Client.Tests;

/// <summary>The client as a Unity or Godot game drives it: one thread, a frame every 16 ms, Poll once a frame, no async.</summary>
public class GameLoopTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(16);

    [Fact]
    public async Task A_game_loop_connects_joins_steers_and_receives_frames_all_on_its_own_thread()
    {
        // The renderer makes the frames (the trained model would take the two cores this machine has).
        using var server = new ServerProcess("--Network:BindAddress=127.0.0.1", "--World:Size=128", "--World:Agents=300",
            "--Network:Tokens:game-player=player", "--Generation:Model=");
        int port = await server.WaitForUdpPort(TimeSpan.FromSeconds(60));

        Exception? failure = null;
        var loop = new Thread(() =>
        {
            try
            {
                PlayFor(port, TimeSpan.FromSeconds(60));
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        loop.Start();
        loop.Join();
        Assert.True(failure is null, failure + "\n" + server.Output);
    }

    /// <summary>The game: connect, join once welcomed, watch its own camera, walk east, until it has walked a metre and seen frames.</summary>
    private static void PlayFor(int port, TimeSpan limit)
    {
        int thread = Environment.CurrentManagedThreadId;
        int frames = 0, updates = 0, elsewhere = 0;
        using var client = TwinClient.Connect("127.0.0.1", port, "game-player", "game");
        client.FrameReceived += _ => Count(ref frames);
        client.StateApplied += _ => Count(ref updates);
        void Count(ref int counter)
        {
            counter++;
            elsewhere += Environment.CurrentManagedThreadId == thread ? 0 : 1;
        }

        bool joining = false, watching = false;
        Vector2? start = null, now = null;
        var clock = Stopwatch.StartNew();
        var nextSteer = TimeSpan.Zero;
        while (!(frames >= 3 && start is { } from && now is { } to && Vector2.Distance(from, to) > 1))
        {
            Assert.True(clock.Elapsed < limit, $"after {limit.TotalSeconds} s: {frames} frames, {updates} state updates, from {start} to {now}");
            client.Poll();
            Assert.Null(client.Failure);
            if (client.IsWelcomed && !joining)
            {
                client.Join();
                joining = true;
            }
            if (client.IsJoined && client.Latest is { } view && Avatar(view, client.ClientId) is { } avatar)
            {
                start ??= avatar;
                now = avatar;
                if (!watching)
                {
                    client.Subscribe(client.Joined.CameraId);
                    watching = true;
                }
                if (clock.Elapsed >= nextSteer)
                {
                    // A held key: sent again every 250 ms (protocol/README.md, "Inputs").
                    client.Steer(Vector2.UnitX);
                    nextSteer = clock.Elapsed + TimeSpan.FromMilliseconds(250);
                }
            }
            Thread.Sleep(Frame);
        }
        Assert.True(updates > 0);
        Assert.Equal(0, elsewhere); // every event was raised inside Poll, on the game's thread
    }

    private static Vector2? Avatar(StateView view, ulong clientId)
    {
        foreach (var agent in view.Agents)
        {
            if (agent.Owner == clientId)
            {
                return new Vector2(Quantisation.Metres(agent.X), Quantisation.Metres(agent.Y));
            }
        }
        return null;
    }
}
