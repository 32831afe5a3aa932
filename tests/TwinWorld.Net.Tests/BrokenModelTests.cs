using System.Collections.Concurrent;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Tests;

/// <summary>A world model that cannot load leaves the server running on the reference renderer's frames.</summary>
public sealed class BrokenModelTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("broken-model-").FullName;
    private readonly LiveServer _server;

    public BrokenModelTests()
    {
        // A manifest the contract accepts, beside a model file that is not TorchScript.
        File.WriteAllText(Path.Combine(_folder, "broken.json"), """
            {
              "contract": "twinworld.world-model/1", "name": "broken", "model": "broken.pt",
              "resolution": [32, 32], "context_frames": 0, "steps": 1, "layout_classes": 21, "max_batch": 4,
              "inputs": [ { "name": "layout", "dtype": "uint8", "shape": ["B", 1, 32, 32] } ],
              "outputs": [ { "name": "frame", "dtype": "uint8", "shape": ["B", 3, 32, 32] } ]
            }
            """);
        File.WriteAllBytes(Path.Combine(_folder, "broken.pt"), "this is not a TorchScript archive"u8.ToArray());
        _server = new LiveServer(
            $"--World:Scenario={Path.Combine(AppContext.BaseDirectory, "Shipped", "live-town.yaml")}",
            "--Generation:Enabled=true", $"--Generation:Model={Path.Combine(_folder, "broken.json")}", "--Generation:Fps=4");
    }

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_model_file_that_fails_to_load_falls_back_to_renderer_frames_at_the_models_resolution_and_the_world_ticks_on()
    {
        using var viewer = await _server.Join(LiveServer.Viewer, "viewer");
        await SessionTests.WaitUntil(() => viewer.Latest!.Cameras.Count == 2);
        var frames = new ConcurrentQueue<Frame>();
        viewer.FrameReceived += frames.Enqueue;
        viewer.Subscribe(viewer.Latest!.Cameras[0].CameraId);
        long before = viewer.Latest.Tick;

        await SessionTests.WaitUntil(() => frames.Count >= 3);
        var later = await viewer.WaitForStateAsync(before + 40);

        Assert.All(frames, frame => Assert.Equal((32u, 32u), (frame.Width, frame.Height)));
        Assert.True(later.Tick >= before + 40);
    }
}
