using Microsoft.Extensions.Logging;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Models;
using TwinWorld.Generation.Rendering;
using TwinWorld.Generation.Scheduling;
using TwinWorld.Generation.Tests.Conditions;
using TwinWorld.Generation.Tests.Encoding;
using static TwinWorld.Generation.Tests.Scheduling.TestConditions;

namespace TwinWorld.Generation.Tests.Scheduling;

public sealed class FrameSchedulerTests
{
    private const byte RendererMarker = 40;
    private const byte ModelMarker = 220;

    /// <summary>How long a test waits for something that should happen at once; only a broken scheduler gets near it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ScriptedModel _renderer = new("renderer", RendererMarker);

    /// <summary>Options under which nothing falls back by time: a model that throws is not tried again during a test.</summary>
    private static FrameSchedulerOptions Calm => new()
    {
        Deadline = TimeSpan.FromMinutes(10),
        RetryAfter = TimeSpan.FromHours(1),
        MaxRetryAfter = TimeSpan.FromHours(1),
    };

    private static async Task<EncodedFrame> Next(FrameSubscription feed)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await feed.ReadAsync(timeout.Token);
    }

    /// <summary>Reads the feed until this camera's frame for this tick (the one submitted last for it) comes.</summary>
    private static async Task<EncodedFrame> FrameFor(FrameSubscription feed, Entity camera, long tick)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var frame = await feed.ReadAsync(timeout.Token);
            if (frame.Camera == camera && frame.Tick == tick)
            {
                return frame;
            }
        }
    }

    private static void Eventually(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}");
            Thread.Sleep(5);
        }
    }

    /// <summary>Submits frames for the camera at ticks from <paramref name="tick"/> on, one after another, until one comes from the model.</summary>
    private static async Task<EncodedFrame> UntilTheModelAnswers(FrameScheduler scheduler, FrameSubscription feed, Entity camera, long tick)
    {
        var until = DateTime.UtcNow + Patience;
        for (; DateTime.UtcNow < until; tick++)
        {
            scheduler.Submit(At(camera, tick));
            var frame = await FrameFor(feed, camera, tick);
            if (frame.Source == FrameSource.Model)
            {
                return frame;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("the model never answered");
    }

    private static (byte Red, long Tick) Decode(EncodedFrame frame)
    {
        var image = JpegDecoder.Decode(frame.Jpeg);
        Assert.Equal((frame.Width, frame.Height), (image.Width, image.Height));
        return (image.Pixels[0], image.Pixels[1] | (image.Pixels[2] << 8));
    }

    private static List<int[]> CamerasPerCall(ScriptedModel model) => [.. model.Calls.Select(call => call.Select(r => r.Camera.Id).ToArray())];

    [Fact]
    public async Task Without_a_model_the_renderers_frames_come_tagged_with_camera_and_tick()
    {
        using var scheduler = new FrameScheduler(_renderer, null, Calm);
        using var probe = new MetricsProbe(scheduler.Meter);
        using var feed = scheduler.Subscribe();

        Assert.True(scheduler.Submit(At(Camera(1), 25)));
        Assert.True(scheduler.Submit(At(Camera(2), 100)));
        var frames = new[] { await Next(feed), await Next(feed) }.OrderBy(f => f.Camera.Id).ToList();

        Assert.Equal((Camera(1), 25L, FrameSource.Renderer, (FallbackReason?)null), (frames[0].Camera, frames[0].Tick, frames[0].Source, frames[0].Fallback));
        Assert.Equal((Camera(2), 100L, FrameSource.Renderer, (FallbackReason?)null), (frames[1].Camera, frames[1].Tick, frames[1].Source, frames[1].Fallback));
        foreach (var frame in frames)
        {
            var (red, tick) = Decode(frame);
            Assert.InRange(red, RendererMarker - 4, RendererMarker + 4);
            Assert.InRange(tick, frame.Tick - 4, frame.Tick + 4);
            Assert.True(frame.Latency > TimeSpan.Zero);
        }
        Assert.Null(scheduler.Model);
        Assert.Equal(2, probe.Sum("twinworld.generation.frames", "source=renderer"));
        Assert.Equal(0, probe.Sum("twinworld.generation.fallbacks"));
        Assert.Equal(2, probe.Values("twinworld.generation.latency").Count);
        Assert.All(probe.Values("twinworld.generation.latency"), seconds => Assert.True(seconds > 0));
    }

    [Fact]
    public async Task With_a_model_its_frames_come_tagged_as_the_models()
    {
        var model = new ScriptedModel("model", ModelMarker);
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm);
        using var probe = new MetricsProbe(scheduler.Meter);
        using var feed = scheduler.Subscribe(Camera(7));

        scheduler.Submit(At(Camera(3), 50));
        scheduler.Submit(At(Camera(7), 75));
        var frame = await Next(feed);

        Assert.Equal((Camera(7), 75L, FrameSource.Model, (FallbackReason?)null), (frame.Camera, frame.Tick, frame.Source, frame.Fallback));
        Assert.InRange(Decode(frame).Red, ModelMarker - 4, ModelMarker + 4);
        Assert.Equal("model", scheduler.Model!.Name);
        Eventually(() => probe.Sum("twinworld.generation.frames", "source=model") == 2, "both frames counted");
        Assert.False(feed.TryRead(out _));
    }

    [Fact]
    public async Task A_waiting_request_is_replaced_by_its_cameras_newer_one_and_counted_as_dropped()
    {
        var model = new ScriptedModel("model", ModelMarker);
        model.Gate.Reset();
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm);
        using var probe = new MetricsProbe(scheduler.Meter);
        using var feed = scheduler.Subscribe();

        scheduler.Submit(At(Camera(1), 1));
        Assert.True(model.Entered.Wait(Patience));
        scheduler.Submit(At(Camera(1), 2));
        scheduler.Submit(At(Camera(1), 3));
        scheduler.Submit(At(Camera(1), 4));
        model.Gate.Set();
        await FrameFor(feed, Camera(1), 4);

        Assert.Equal([[1L], [4L]], model.Calls.Select(call => call.Select(r => r.Tick).ToArray()));
        Assert.Equal(2, probe.Sum("twinworld.generation.dropped", "reason=stale"));
    }

    [Theory]
    [InlineData(4, 8, new[] { 1, 4, 4, 1 })]
    [InlineData(32, 3, new[] { 1, 3, 3, 3 })]
    public async Task Waiting_cameras_are_batched_up_to_the_smaller_of_the_models_and_the_options_limit(int modelMax, int optionMax, int[] batches)
    {
        var model = new ScriptedModel("model", ModelMarker, maxBatch: modelMax);
        model.Gate.Reset();
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm with { MaxBatch = optionMax });
        using var probe = new MetricsProbe(scheduler.Meter);
        using var feed = scheduler.Subscribe();

        scheduler.Submit(At(Camera(100), 1));
        Assert.True(model.Entered.Wait(Patience));
        for (int camera = 0; camera < 9; camera++)
        {
            scheduler.Submit(At(Camera(camera), 1));
        }
        model.Gate.Set();
        var seen = new HashSet<Entity>();
        while (seen.Count < 10)
        {
            seen.Add((await Next(feed)).Camera);
        }

        Assert.Equal(batches, model.Calls.Select(call => call.Count));
        Assert.Equal(batches.Select(b => (double)b), probe.Values("twinworld.generation.batch_size"));
        // Oldest first within the limit: the cameras in the order they were submitted.
        Assert.Equal(Enumerable.Range(0, 9), CamerasPerCall(model).Skip(1).SelectMany(c => c));
    }

    [Fact]
    public async Task Cameras_with_viewers_are_generated_first()
    {
        var model = new ScriptedModel("model", ModelMarker, maxBatch: 2);
        model.Gate.Reset();
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm);
        using var feed = scheduler.Subscribe();

        scheduler.Submit(At(Camera(100), 1));
        Assert.True(model.Entered.Wait(Patience));
        for (int camera = 1; camera <= 6; camera++)
        {
            scheduler.Submit(At(Camera(camera), 1));
        }
        scheduler.SetViewers(Camera(5), 1);
        scheduler.SetViewers(Camera(6), 3);
        model.Gate.Set();
        await FrameFor(feed, Camera(4), 1);

        Assert.Equal([[100], [5, 6], [1, 2], [3, 4]], CamerasPerCall(model));
    }

    [Fact]
    public async Task When_more_cameras_are_due_than_the_generator_makes_they_take_turns_and_an_unwatched_one_is_not_starved()
    {
        var model = new ScriptedModel("model", ModelMarker, maxBatch: 2);
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm);
        using var feed = scheduler.Subscribe();
        var watched = Enumerable.Range(1, 6).Select(Camera).ToArray();
        var unwatched = Camera(99);
        foreach (var camera in watched)
        {
            scheduler.SetViewers(camera, 1);
        }

        // Every camera is due again as soon as a frame comes: seven cameras, two frames a call.
        var seen = new List<Entity>();
        var until = DateTime.UtcNow + Patience;
        for (long tick = 1; !seen.Contains(unwatched); tick++)
        {
            Assert.True(DateTime.UtcNow < until, "the unwatched camera never got a frame");
            foreach (var camera in watched.Append(unwatched))
            {
                scheduler.Submit(At(camera, tick));
            }
            seen.Add((await Next(feed)).Camera);
        }

        // The watched cameras took turns: each of the first three calls made two cameras no other had made.
        Assert.Equal(watched, CamerasPerCall(model).Take(3).SelectMany(c => c).Order().Select(Camera));
        Assert.All(watched, camera => Assert.Contains(camera, seen));
    }

    [Fact]
    public async Task Each_camera_gets_its_previous_frames_as_context_oldest_first_and_none_at_its_start()
    {
        var model = new ScriptedModel("model", ModelMarker, contextFrames: 2);
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm);
        using var feed = scheduler.Subscribe();

        foreach (long tick in new long[] { 10, 20, 30, 40 })
        {
            scheduler.Submit(At(Camera(1), tick));
            await FrameFor(feed, Camera(1), tick);
        }
        scheduler.Submit(At(Camera(2), 50));
        await FrameFor(feed, Camera(2), 50);

        Assert.Equal(
            [[], [10L], [10L, 20L], [20L, 30L], []],
            model.Calls.Select(call => call.Single().ContextTicks));
    }

    [Fact]
    public async Task Past_the_deadline_the_renderers_frame_is_sent_and_the_models_late_result_discarded()
    {
        var model = new ScriptedModel("model", ModelMarker, contextFrames: 2);
        model.Gate.Reset();
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm with { Deadline = TimeSpan.FromMilliseconds(100) });
        using var probe = new MetricsProbe(scheduler.Meter);
        using var feed = scheduler.Subscribe();

        scheduler.Submit(At(Camera(1), 1));
        var late = await FrameFor(feed, Camera(1), 1);
        // The model is still busy with the first call, so the second goes to the renderer without waiting.
        scheduler.Submit(At(Camera(1), 2));
        var busy = await FrameFor(feed, Camera(1), 2);
        model.Gate.Set();
        Eventually(() => probe.Sum("twinworld.generation.late_results") == 1, "the late result to be counted");
        var answered = await UntilTheModelAnswers(scheduler, feed, Camera(1), 3);

        Assert.Equal((FrameSource.Renderer, FallbackReason.Deadline), (late.Source, late.Fallback!.Value));
        Assert.Equal((FrameSource.Renderer, FallbackReason.Deadline), (busy.Source, busy.Fallback!.Value));
        Assert.InRange(Decode(late).Red, RendererMarker - 4, RendererMarker + 4);
        Assert.InRange(Decode(answered).Red, ModelMarker - 4, ModelMarker + 4);
        Assert.True(probe.Sum("twinworld.generation.fallbacks", "reason=deadline") >= 2);
        // The renderer's frames stood in for the model's, so they are the next call's context (ticks 1 and 2, unless
        // a slow machine also missed the deadline of tick 3: then 2 and 3, from the renderer all the same).
        var next = model.Calls.ElementAt(1).Single();
        Assert.Equal([next.Tick - 2, next.Tick - 1], next.ContextTicks);
    }

    [Fact]
    public async Task A_model_that_throws_is_replaced_by_the_renderer_logged_once_and_not_called_again_before_its_backoff()
    {
        var model = new ScriptedModel("model", ModelMarker) { Failing = true };
        var log = new ListLogger();
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm, log);
        using var probe = new MetricsProbe(scheduler.Meter);
        using var feed = scheduler.Subscribe();

        var frames = new List<EncodedFrame>();
        for (long tick = 1; tick <= 5; tick++)
        {
            scheduler.Submit(At(Camera(1), tick));
            frames.Add(await FrameFor(feed, Camera(1), tick));
        }

        Assert.All(frames, f => Assert.Equal((FrameSource.Renderer, FallbackReason.Error), (f.Source, f.Fallback!.Value)));
        Assert.Single(model.Calls);
        Assert.Equal(5, probe.Sum("twinworld.generation.fallbacks", "reason=error"));
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("model failed on purpose", warning.Message);
        Assert.Contains("trying the model again in", warning.Message);
    }

    [Fact]
    public async Task A_model_that_threw_is_tried_again_after_its_backoff_and_its_frames_come_back()
    {
        var model = new ScriptedModel("model", ModelMarker) { Failing = true };
        var log = new ListLogger();
        var options = Calm with { RetryAfter = TimeSpan.FromMilliseconds(20), MaxRetryAfter = TimeSpan.FromMilliseconds(40) };
        using var scheduler = new FrameScheduler(_renderer, () => model, options, log);
        using var feed = scheduler.Subscribe();

        scheduler.Submit(At(Camera(1), 1));
        Assert.Equal(FallbackReason.Error, (await FrameFor(feed, Camera(1), 1)).Fallback);
        // Still failing on the retries: each is logged quietly, not as another warning.
        Eventually(() => { scheduler.Submit(At(Camera(1), 2)); return model.Calls.Count >= 3; }, "the model to be retried");
        model.Failing = false;
        var frame = await UntilTheModelAnswers(scheduler, feed, Camera(1), 100);

        Assert.Equal(FrameSource.Model, frame.Source);
        Assert.Equal(1, log.Count(LogLevel.Warning));
        Assert.True(log.Count(LogLevel.Debug) >= 1);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("working again"));
    }

    [Fact]
    public async Task A_model_that_cannot_be_loaded_leaves_the_run_on_renderer_frames()
    {
        var log = new ListLogger();
        using var scheduler = new FrameScheduler(_renderer, () => throw new ManifestException("models/broken.json: not a model"), Calm, log);
        using var probe = new MetricsProbe(scheduler.Meter);
        using var feed = scheduler.Subscribe();

        scheduler.Submit(At(Camera(1), 1));
        var first = await FrameFor(feed, Camera(1), 1);
        scheduler.Submit(At(Camera(1), 2));
        var second = await FrameFor(feed, Camera(1), 2);

        Assert.Null(scheduler.Model);
        Assert.All([first, second], f => Assert.Equal((FrameSource.Renderer, FallbackReason.Unavailable), (f.Source, f.Fallback!.Value)));
        Assert.Equal(2, probe.Sum("twinworld.generation.fallbacks", "reason=unavailable"));
        Assert.Contains("models/broken.json: not a model", Assert.Single(log.Entries, e => e.Level == LogLevel.Warning).Message);
    }

    [Fact]
    public async Task Loading_is_tried_again_after_the_backoff()
    {
        var model = new ScriptedModel("model", ModelMarker);
        int attempts = 0;
        IWorldModel Load() => Interlocked.Increment(ref attempts) == 1 ? throw new IOException("models/m.pt: file is being copied") : model;
        using var scheduler = new FrameScheduler(_renderer, Load, Calm with { RetryAfter = TimeSpan.FromMilliseconds(20) });
        using var feed = scheduler.Subscribe();

        Assert.Null(scheduler.Model);
        var frame = await UntilTheModelAnswers(scheduler, feed, Camera(1), 1);

        Assert.Equal(FrameSource.Model, frame.Source);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public void A_model_that_makes_frames_of_another_size_is_refused()
    {
        var model = new ScriptedModel("big", ModelMarker, size: 32);
        var log = new ListLogger();
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm, log);

        Assert.Null(scheduler.Model);
        Assert.True(model.Disposed);
        Assert.Contains("model \"big\" makes 32 x 32 frames; this run's frames are 16 x 16", Assert.Single(log.Entries, e => e.Level == LogLevel.Warning).Message);
    }

    [Fact]
    public async Task Submit_never_waits_on_a_hung_model_or_a_stuck_consumer_and_the_consumer_keeps_one_frame_per_camera()
    {
        var model = new ScriptedModel("model", ModelMarker);
        model.Gate.Reset();
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm);
        using var probe = new MetricsProbe(scheduler.Meter);
        using var stuck = scheduler.Subscribe();
        using var reader = scheduler.Subscribe();
        Entity[] cameras = [Camera(1), Camera(2), Camera(3)];

        scheduler.Submit(At(cameras[0], 0));
        Assert.True(model.Entered.Wait(Patience));
        var submitting = Task.Run(() =>
        {
            for (long tick = 1; tick <= 10_000; tick++)
            {
                foreach (var camera in cameras)
                {
                    Assert.True(scheduler.Submit(At(camera, tick)));
                }
            }
        });
        await submitting.WaitAsync(Patience);
        Assert.Equal(3 * 9_999, probe.Sum("twinworld.generation.dropped", "reason=stale"));
        model.Gate.Set();
        for (long tick = 10_001; tick <= 10_050; tick++)
        {
            foreach (var camera in cameras)
            {
                scheduler.Submit(At(camera, tick));
            }
            foreach (var camera in cameras)
            {
                await FrameFor(reader, camera, tick);
            }
        }

        var held = new List<EncodedFrame>();
        while (stuck.TryRead(out var frame))
        {
            held.Add(frame);
        }
        Assert.Equal(cameras, held.Select(f => f.Camera).OrderBy(c => c.Id));
        Assert.All(held, f => Assert.Equal(10_050, f.Tick));
        double delivered = probe.Sum("twinworld.generation.frames");
        Assert.Equal(delivered - 3, stuck.Replaced);
    }

    [Fact]
    public void The_counters_are_published_under_prometheus_friendly_names_on_the_generation_meter()
    {
        using var scheduler = new FrameScheduler(_renderer, null, Calm);
        var names = new List<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter == scheduler.Meter)
                {
                    names.Add($"{instrument.Name} [{instrument.Unit}]");
                }
            },
        };
        listener.Start();

        Assert.Equal("TwinWorld.Generation", scheduler.Meter.Name);
        Assert.Equal(
            [
                "twinworld.generation.batch_size [{camera}]",
                "twinworld.generation.dropped [{frame}]",
                "twinworld.generation.fallbacks [{frame}]",
                "twinworld.generation.frames [{frame}]",
                "twinworld.generation.late_results [{frame}]",
                "twinworld.generation.latency [s]",
            ],
            names.Order());
    }

    [Fact]
    public void IsDue_paces_each_camera_at_its_rate_in_ticks()
    {
        using var scheduler = new FrameScheduler(_renderer, null, Calm with { TickRateHz = 20, DefaultFps = 5 });
        scheduler.SetTargetFps(Camera(2), 3);
        scheduler.SetTargetFps(Camera(3), 50);
        var due = new Dictionary<int, List<long>> { [1] = [], [2] = [], [3] = [] };

        for (long tick = 0; tick < 60; tick++)
        {
            foreach (var (id, ticks) in due)
            {
                if (scheduler.IsDue(Camera(id), tick))
                {
                    ticks.Add(tick);
                    scheduler.Submit(At(Camera(id), tick));
                }
            }
        }

        Assert.Equal(Enumerable.Range(0, 15).Select(i => i * 4L), due[1]);
        Assert.Equal([0L, 7, 14, 20, 27, 34, 40, 47, 54], due[2]);      // 3 a second on average, 20 / 3 ticks apart
        Assert.Equal(60, due[3].Count);                                  // faster than the ticks: every tick
    }

    [Fact]
    public void A_camera_left_unsubmitted_starts_its_schedule_afresh_and_an_early_submission_leaves_it_alone()
    {
        using var scheduler = new FrameScheduler(_renderer, null, Calm with { TickRateHz = 20, DefaultFps = 5 });

        Assert.True(scheduler.IsDue(Camera(1), 0));
        scheduler.Submit(At(Camera(1), 0));
        scheduler.Submit(At(Camera(1), 2));        // not due: the schedule stays
        Assert.False(scheduler.IsDue(Camera(1), 3));
        Assert.True(scheduler.IsDue(Camera(1), 4));
        scheduler.Submit(At(Camera(1), 100));
        Assert.False(scheduler.IsDue(Camera(1), 103));
        Assert.True(scheduler.IsDue(Camera(1), 104));
    }

    [Fact]
    public async Task A_removed_camera_is_forgotten_with_its_waiting_request()
    {
        var model = new ScriptedModel("model", ModelMarker);
        model.Gate.Reset();
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm);
        using var feed = scheduler.Subscribe();

        scheduler.Submit(At(Camera(1), 1));
        Assert.True(model.Entered.Wait(Patience));
        scheduler.Submit(At(Camera(2), 1));
        scheduler.RemoveCamera(Camera(2));
        Assert.True(scheduler.IsDue(Camera(2), 2));
        model.Gate.Set();
        scheduler.Submit(At(Camera(3), 1));
        await FrameFor(feed, Camera(3), 1);

        Assert.DoesNotContain(2, CamerasPerCall(model).SelectMany(c => c));
    }

    [Fact]
    public async Task Dispose_waits_for_the_models_call_joins_both_threads_and_completes_the_feeds()
    {
        var model = new ScriptedModel("model", ModelMarker);
        model.Gate.Reset();
        var scheduler = new FrameScheduler(_renderer, () => model, Calm with { Deadline = TimeSpan.FromMilliseconds(50) });
        var feed = scheduler.Subscribe();
        scheduler.Submit(At(Camera(1), 1));
        await FrameFor(feed, Camera(1), 1);

        var disposing = Task.Run(scheduler.Dispose);
        await Task.WhenAny(disposing, Task.Delay(300));
        Assert.False(disposing.IsCompleted, "Dispose returned while the model was still in a call");
        model.Gate.Set();
        await disposing.WaitAsync(Patience);

        Assert.False(scheduler.ThreadsAlive);
        Assert.True(model.Disposed);
        Assert.Equal(0, model.Active);
        Assert.False(_renderer.Disposed);
        Assert.False(scheduler.Submit(At(Camera(1), 2)));
        await foreach (var _ in feed.ReadAllAsync())
        {
        }
        Assert.Throws<ObjectDisposedException>(() => scheduler.Subscribe());
    }

    [Fact]
    public async Task Dispose_gives_up_a_batch_waiting_on_a_hung_model_at_once_and_drops_what_waits()
    {
        var model = new ScriptedModel("model", ModelMarker);
        model.Gate.Reset();
        var scheduler = new FrameScheduler(_renderer, () => model, Calm);
        using var probe = new MetricsProbe(scheduler.Meter);
        scheduler.Submit(At(Camera(1), 1));
        Assert.True(model.Entered.Wait(Patience));
        scheduler.Submit(At(Camera(2), 1));

        var disposing = Task.Run(scheduler.Dispose);
        // The deadline is ten minutes away: only giving up at once counts both before the patience runs out.
        Eventually(() => probe.Sum("twinworld.generation.dropped", "reason=shutdown") == 2, "both requests to be dropped");
        model.Gate.Set();

        await disposing.WaitAsync(Patience);
        Assert.Equal(0, probe.Sum("twinworld.generation.frames"));
    }

    [Fact]
    public void WaitForIdle_returns_once_every_submitted_frame_is_in_the_feeds()
    {
        var model = new ScriptedModel("model", ModelMarker, maxBatch: 4);
        model.Gate.Reset();
        using var scheduler = new FrameScheduler(_renderer, () => model, Calm);
        using var feed = scheduler.Subscribe();
        for (int camera = 0; camera < 10; camera++)
        {
            scheduler.Submit(At(Camera(camera), 5));
        }
        Assert.True(model.Entered.Wait(Patience));

        Assert.False(scheduler.WaitForIdle(TimeSpan.FromMilliseconds(50)));
        model.Gate.Set();
        Assert.True(scheduler.WaitForIdle(Patience));

        var held = new List<EncodedFrame>();
        while (feed.TryRead(out var frame))
        {
            held.Add(frame);
        }
        Assert.Equal(Enumerable.Range(0, 10), held.Select(f => f.Camera.Id).Order());
        Assert.All(held, f => Assert.Equal(FrameSource.Model, f.Source));
    }

    [Fact]
    public async Task The_reference_renderer_draws_a_live_cameras_conditions_into_the_feed()
    {
        var simulation = CoastSite.Simulation();
        var camera = CoastSite.Overhead(simulation, CoastSite.Houses, 120);
        var conditioner = new CameraConditioner(simulation, 64, 64);
        using var renderer = new ReferenceRenderer(64, 64);
        using var scheduler = new FrameScheduler(renderer, null, Calm with { JpegQuality = 95 });
        using var feed = scheduler.Subscribe();
        simulation.Step();

        var conditions = conditioner.Build(camera);
        scheduler.Submit(conditions);
        var frame = await Next(feed);

        Assert.Equal((camera, simulation.Tick, FrameSource.Renderer), (frame.Camera, frame.Tick, frame.Source));
        var drawn = renderer.Render(conditions);
        Assert.True(JpegDecoder.Psnr(drawn, JpegDecoder.Decode(frame.Jpeg)) > 30);
    }

    [Fact]
    public void Options_and_conditions_that_cannot_work_are_refused_with_the_reason()
    {
        Assert.Contains("MaxBatch is 0", Assert.Throws<ArgumentException>(() => new FrameScheduler(_renderer, null, Calm with { MaxBatch = 0 })).Message);
        Assert.Contains("Deadline is", Assert.Throws<ArgumentException>(() => new FrameScheduler(_renderer, null, Calm with { Deadline = TimeSpan.Zero })).Message);
        Assert.Contains("JpegQuality is 101", Assert.Throws<ArgumentException>(() => new FrameScheduler(_renderer, null, Calm with { JpegQuality = 101 })).Message);
        Assert.Contains("MaxRetryAfter", Assert.Throws<ArgumentException>(() => new FrameScheduler(_renderer, null, Calm with { MaxRetryAfter = TimeSpan.FromSeconds(1) })).Message);

        using var scheduler = new FrameScheduler(_renderer, null, Calm);
        Assert.Contains("conditions are 32 x 32; this scheduler's frames are 16 x 16", Assert.Throws<ArgumentException>(() => scheduler.Submit(At(Camera(1), 1, size: 32))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.SetTargetFps(Camera(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.SetViewers(Camera(1), -1));
    }
}
