using System.Collections.Concurrent;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Tests;

/// <summary>The server generates its cameras' frames and streams them to subscribers.</summary>
public sealed class GeneratedFrameTests : IAsyncLifetime
{
    private readonly LiveServer _server = new(
        $"--World:Scenario={Path.Combine(AppContext.BaseDirectory, "Shipped", "live-town.yaml")}",
        "--Generation:Enabled=true", "--Generation:Fps=4"); // the default model, reference-tile-256

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_viewer_subscribed_to_a_scenario_camera_receives_its_generated_jpeg_frames_tagged_with_their_ticks()
    {
        using var viewer = await _server.Join(LiveServer.Viewer, "viewer");
        await SessionTests.WaitUntil(() => viewer.Latest!.Cameras.Count == 2);
        uint overview = viewer.Latest!.Cameras.First(c => c.Mode == CameraMode.Overhead).CameraId;
        var frames = new ConcurrentQueue<Frame>();
        viewer.FrameReceived += frames.Enqueue;

        viewer.Subscribe(overview);
        await SessionTests.WaitUntil(() => frames.Count >= 3);

        Assert.All(frames, frame =>
        {
            Assert.Equal(overview, frame.CameraId);
            Assert.Equal((256u, 256u), (frame.Width, frame.Height));
            byte[] jpeg = frame.Jpeg.ToByteArray();
            Assert.Equal((0xFF, 0xD8), (jpeg[0], jpeg[1]));
            Assert.Equal((0xFF, 0xD9), (jpeg[^2], jpeg[^1]));
        });
        // The generator is told who watches, so watched cameras go first when it cannot keep up.
        Assert.Equal(1, _server.Network.ViewersOf((int)overview));
        viewer.Subscribe();
        await SessionTests.WaitUntil(() => _server.Network.ViewersOf((int)overview) == 0);
        var ticks = frames.Select(f => f.Tick).ToList();
        Assert.Equal(ticks.Order(), ticks);
        // 4 frames a second at 20 ticks a second: a frame every 5 ticks, conditioned on the tick it was due.
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(0ul, (pair.Second - pair.First) % 5));
    }
}
