using System.Collections.Concurrent;
using System.Numerics;
using TwinWorld.Net.Frames;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Net.Tests;

public class FrameStreamTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task Subscribers_get_the_newest_jpeg_of_their_camera_and_others_get_none()
    {
        server.Simulation.Inputs.Enqueue(PlacedCameras.Place(0, "street", new Vector3(120, 120, 40), 90, -34, 640, 480));
        using var watcher = await server.Join(LiveServer.Viewer, "watcher");
        using var other = await server.Join(LiveServer.Viewer, "other");
        await SessionTests.WaitUntil(() => watcher.Latest!.Cameras.Count > 0);
        uint camera = watcher.Latest!.Cameras[0].CameraId;
        var frames = new ConcurrentQueue<Frame>();
        watcher.FrameReceived += frames.Enqueue;
        watcher.Subscribe(camera);

        // Until the subscription has landed, keep offering a first frame.
        byte[] first = TurboJpeg.Noise(640, 480, seed: 1);
        Assert.True(first.Length > 100_000, $"a {first.Length}-byte frame spans many LiteNetLib fragments");
        for (int i = 0; frames.IsEmpty && i < 200; i++)
        {
            server.Network.PublishFrame(new CameraFrame((int)camera, 1, 640, 480, first, FrameSource.Renderer));
            await Task.Delay(20);
        }
        Assert.Equal(first, frames.Last().Jpeg.ToByteArray());

        // A burst far faster than frames can go out: the newest wins, nothing queues behind it.
        var burst = Enumerable.Range(0, 20).Select(i => TurboJpeg.Noise(160, 120, seed: 100 + i)).ToArray();
        for (int i = 0; i < burst.Length; i++)
        {
            server.Network.PublishFrame(new CameraFrame((int)camera, 100 + i, 160, 120, burst[i], FrameSource.Renderer));
        }
        await SessionTests.WaitUntil(() => frames.Any(f => f.Tick == 119));

        var newest = frames.Single(f => f.Tick == 119);
        Assert.Equal(burst[^1], newest.Jpeg.ToByteArray());
        Assert.Equal((0xFF, 0xD8), (newest.Jpeg[0], newest.Jpeg[1]));
        Assert.Equal((camera, 160u, 120u), (newest.CameraId, newest.Width, newest.Height));
        Assert.True(frames.Count <= 21);
        Assert.Equal(0, other.FramesReceived);
    }

    [Fact]
    public void A_newer_frame_replaces_one_not_yet_sent_and_a_stale_one_is_dropped()
    {
        var frames = new LatestFrames();
        frames.Put(new CameraFrame(1, 10, 8, 8, new byte[] { 1 }, FrameSource.Renderer));
        frames.Put(new CameraFrame(1, 12, 8, 8, new byte[] { 2 }, FrameSource.Renderer));
        frames.Put(new CameraFrame(1, 11, 8, 8, new byte[] { 3 }, FrameSource.Renderer));

        Assert.True(frames.TryGetNewer(1, 0, out var frame, out long serial));
        Assert.Equal(12, frame.Tick);
        Assert.False(frames.TryGetNewer(1, serial, out _, out _));
        Assert.False(frames.TryGetNewer(2, 0, out _, out _));
    }

    [Fact]
    public void Only_frames_of_cameras_with_subscribers_count_as_dropped_when_replaced_unsent()
    {
        var frames = new LatestFrames();
        frames.Watch([1]);
        frames.Put(new CameraFrame(1, 10, 8, 8, new byte[] { 1 }, FrameSource.Renderer));
        frames.Put(new CameraFrame(1, 11, 8, 8, new byte[] { 2 }, FrameSource.Renderer));
        frames.Put(new CameraFrame(2, 10, 8, 8, new byte[] { 1 }, FrameSource.Renderer));
        frames.Put(new CameraFrame(2, 11, 8, 8, new byte[] { 2 }, FrameSource.Renderer));
        Assert.Equal(1, frames.Dropped);

        frames.Watch([]); // the last subscriber of camera 1 left
        frames.Put(new CameraFrame(1, 12, 8, 8, new byte[] { 3 }, FrameSource.Renderer));
        frames.Put(new CameraFrame(1, 13, 8, 8, new byte[] { 4 }, FrameSource.Renderer));

        Assert.Equal(1, frames.Dropped);
    }

    [Fact]
    public async Task Subscribing_to_a_camera_that_does_not_exist_is_refused()
    {
        using var client = await server.Join(LiveServer.Viewer, "forger");

        client.Subscribe(999_999);

        var error = await SessionTests.WaitForError(client, ErrorCode.NoSuchEntity);
        Assert.Contains("no camera 999999", error.Message);
    }
}
