using System.Diagnostics;
using TwinWorld.Client;
using Xunit.Abstractions;

namespace TwinWorld.Net.Tests;

/// <summary>
/// Generation:ConditioningBudgetMs: when more cameras are due than the tick may condition, watched ones go first, so
/// a viewer's camera keeps its frame rate while a crowd of players' cameras share what is left.
/// </summary>
public sealed class ConditioningBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_watched_camera_keeps_its_frame_rate_when_the_tick_can_condition_only_one_camera_a_tick()
    {
        // 0.1 ms: one camera a tick, 20 a second, for 13 cameras due 5 times a second each (65 a second).
        await using var server = new LiveServer("--Generation:Enabled=true", "--Generation:Model=", "--Generation:Resolution=64",
            "--Generation:ConditioningBudgetMs=0.1");
        await server.InitializeAsync();
        var players = new List<TwinClient>();
        try
        {
            for (int i = 0; i < 12; i++)
            {
                players.Add(await server.Join(LiveServer.Player, $"player-{i}"));
            }
            using var viewer = await server.Join(LiveServer.Viewer, "viewer");
            await SessionTests.WaitUntil(() => viewer.Latest!.Cameras.Count == 13);
            uint overview = viewer.Latest!.Cameras.Single(c => c.OwnerClientId == 0).CameraId;
            viewer.Subscribe(overview);
            await SessionTests.WaitUntil(() => viewer.FramesReceived > 0);

            long before = viewer.FramesReceived;
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(5));
            double perSecond = (viewer.FramesReceived - before) / clock.Elapsed.TotalSeconds;

            output.WriteLine($"the watched camera: {perSecond:F1} frames/s of 5");
            // Taking turns with the 12 others it would get 20 / 13 = 1.5 a second.
            Assert.True(perSecond >= 2.5, $"{perSecond:F1} frames/s");
        }
        finally
        {
            players.ForEach(p => p.Dispose());
        }
    }
}
