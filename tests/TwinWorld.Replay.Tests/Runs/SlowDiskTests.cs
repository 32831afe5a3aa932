using TwinWorld.Replay.Recording;
using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Runs;
using TwinWorld.Replay.Tests.Recording;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Replay.Tests.Runs;

/// <summary>A live run's tick never waits for the disk: a disk that stops answering stops the recording, not the world.</summary>
public class SlowDiskTests
{
    [Fact]
    public async Task A_stalled_disk_stops_a_live_recording_and_the_run_goes_on()
    {
        var load = ScenarioLoader.Load(RecordedRuns.Shipped("wildfire-wui.yaml"));
        var run = new ScenarioRun(load.Scenario!, workers: 1);
        var header = RunHeader.For(load.Scenario!, new Dictionary<string, string>(), run.SetupHash, snapshotEveryTicks: 100);
        var stream = new StallingStream();
        var writer = RecordingWriter.Create("stalled", stream, queueChunks: 4);
        var recorder = RunRecorder.Start(writer, run, header, queueLength: 32, live: true);
        stream.Stall();

        // Stepping on a thread of its own, so a recorder that (wrongly) waits for the disk fails the test instead of hanging it.
        var stepping = Task.Run(() => run.RunToEnd(TimeSpan.FromSeconds(20), recorder.Record));
        Assert.True(await Task.WhenAny(stepping, Task.Delay(TimeSpan.FromMinutes(2))) == stepping, "the run waited for the stalled disk");

        Assert.Equal((long)(20 * load.Scenario!.TickRateHz), run.Simulation.Tick);
        Assert.NotNull(recorder.Stopped);
        Assert.Contains("the disk fell 32 records behind", recorder.Stopped);
        stream.Release();
        recorder.Finish();
        recorder.Dispose();
    }

    [Fact]
    public void A_stopped_recording_holds_every_tick_before_the_stop_and_they_verify()
    {
        var load = ScenarioLoader.Load(RecordedRuns.Shipped("wildfire-wui.yaml"));
        var run = new ScenarioRun(load.Scenario!, workers: 1);
        var header = RunHeader.For(load.Scenario!, new Dictionary<string, string>(), run.SetupHash, snapshotEveryTicks: 100);
        string path = Path.Combine(Directory.CreateTempSubdirectory("twin-slow-").FullName, "run.twrec");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        var stream = new StallingStream(file);
        var recorder = RunRecorder.Start(RecordingWriter.Create(path, stream, queueChunks: 4), run, header, queueLength: 256, live: true);
        Step(run, recorder, 50);
        long stalledAt = run.Simulation.Tick;
        stream.Stall();
        Step(run, recorder, 400);
        Assert.NotNull(recorder.Stopped);
        stream.Release();
        recorder.Finish();
        recorder.Dispose();

        using var recording = RunRecording.Open(path);
        Assert.Null(recording.End);
        Assert.InRange(recording.LastTick, stalledAt - 1, run.Simulation.Tick - 2);
        var result = new Replayer(recording, workers: 1).ReplayTo(recording.LastTick + 1);
        Assert.True(result.Verified, result.Divergence?.ToString());
    }

    private static void Step(ScenarioRun run, RunRecorder recorder, int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            recorder.Record(run.Step()!);
        }
    }
}
