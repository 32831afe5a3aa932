using System.Collections.Concurrent;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Scheduling;
using static TwinWorld.Generation.Tests.Scheduling.TestConditions;

namespace TwinWorld.Generation.Tests.Scheduling;

/// <summary><see cref="FrameScheduler.Generated"/>: what a recording of the frames gets (every frame generated, its raw hash, the tick its motion is measured from).</summary>
public sealed class GeneratedFramesTests
{
    [Fact]
    public void Every_generated_frame_comes_with_its_raw_pixels_hash_and_the_cameras_previous_submission_while_replaced_requests_never_come()
    {
        using var renderer = new ScriptedModel("renderer", 40);
        var model = new ScriptedModel("model", 220);
        model.Gate.Reset();
        using var scheduler = new FrameScheduler(renderer, () => model, new FrameSchedulerOptions { Deadline = TimeSpan.FromMinutes(10) });
        var generated = new ConcurrentQueue<IReadOnlyList<EncodedFrame>>();
        scheduler.Generated += batch => generated.Enqueue(batch);
        using var feed = scheduler.Subscribe();

        scheduler.Submit(At(Camera(1), 1));
        Assert.True(model.Entered.Wait(TimeSpan.FromSeconds(20)));
        scheduler.Submit(At(Camera(1), 2));
        scheduler.Submit(At(Camera(1), 3));
        model.Gate.Set();
        Assert.True(scheduler.WaitForIdle(TimeSpan.FromSeconds(20)));

        var frames = generated.SelectMany(batch => batch).ToList();
        Assert.Equal([(1L, -1L), (3L, 2L)], frames.Select(f => (f.Tick, f.PreviousTick)));
        Assert.Equal([FrameHash.Of(model.Paint(1)), FrameHash.Of(model.Paint(3))], frames.Select(f => f.PixelHash));
        Assert.NotEqual(frames[0].PixelHash, frames[1].PixelHash);
    }
}
