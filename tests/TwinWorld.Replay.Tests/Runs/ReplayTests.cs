using TwinWorld.Replay.Recording;
using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Runs;

namespace TwinWorld.Replay.Tests.Runs;

public class ReplayTests
{
    private const string Fire = "fire: {at: [700, 420], radius: 10, name: arson}";

    [Fact]
    public void A_recorded_run_with_a_live_action_replays_with_every_hash_verified()
    {
        var (path, original) = RecordedRuns.Record("tornado-town.yaml", TimeSpan.FromMinutes(2), inject: (TimeSpan.FromSeconds(75), Fire));
        using var recording = RunRecording.Open(path);

        var replayer = new Replayer(recording, workers: 1);
        var result = replayer.ReplayTo(long.MaxValue);

        Assert.True(result.Verified, result.Divergence?.ToString());
        Assert.Equal(0, result.StartTick);
        Assert.Equal(original.Simulation.Tick, result.ReachedTick);
        Assert.Equal(recording.Ticks.Count, result.TicksVerified);
        Assert.Equal(original.Simulation.StateHash, replayer.Run!.Simulation.StateHash);
        Assert.Null(recording.Tail);
        Assert.NotNull(recording.End);
        Assert.Contains(recording.Ticks, t => t.Inputs.Any(i => !i.Scheduled));
    }

    [Fact]
    public void Seeking_starts_from_the_latest_snapshot_and_checks_the_ticks_after_it()
    {
        var (path, _) = RecordedRuns.Record("tornado-town.yaml", TimeSpan.FromMinutes(2), inject: (TimeSpan.FromSeconds(75), Fire));
        using var recording = RunRecording.Open(path);
        long target = recording.Ticks[(int)(recording.Ticks.Count * 0.8)].Tick;

        var result = new Replayer(recording).ReplayTo(target, seek: true);

        var snapshot = recording.Snapshots.Last(s => s.Tick <= target);
        Assert.True(result.Verified, result.Divergence?.ToString());
        Assert.True(snapshot.Tick > 0);
        Assert.Equal(snapshot.Tick, result.StartTick);
        Assert.Equal(target, result.ReachedTick);
        Assert.Equal(target - snapshot.Tick, result.TicksVerified);
    }

    [Fact]
    public void A_replay_missing_an_authors_action_stops_at_the_tick_it_applied_and_names_what_differs()
    {
        var (path, _) = RecordedRuns.Record("tornado-town.yaml", TimeSpan.FromMinutes(2), inject: (TimeSpan.FromSeconds(75), Fire));
        string edited = Rewrite(path, tick => tick with { Inputs = [.. tick.Inputs.Where(i => i.Scheduled)] });
        using var recording = RunRecording.Open(edited);
        long fireTick = RunRecording.Open(path).Ticks.First(t => t.Inputs.Any(i => !i.Scheduled)).Tick;

        var result = new Replayer(recording).ReplayTo(long.MaxValue);

        var divergence = Assert.IsType<Divergence>(result.Divergence);
        Assert.Equal(fireTick, divergence.Tick);
        Assert.Contains(divergence.Parts, p => p.Name == "hazard events");
        Assert.Contains("inputs", divergence.Systems);
        Assert.Contains($"diverged at tick {fireTick}", divergence.ToString());
    }

    [Fact]
    public void A_recording_cut_off_mid_record_replays_up_to_its_last_whole_tick()
    {
        var (path, _) = RecordedRuns.Record("tornado-town.yaml", TimeSpan.FromSeconds(40), finish: false);
        using (var file = File.OpenWrite(path))
        {
            file.SetLength(file.Length - 7);
        }
        using var recording = RunRecording.Open(path);

        var result = new Replayer(recording).ReplayTo(long.MaxValue);

        Assert.NotNull(recording.Tail);
        Assert.Null(recording.End);
        Assert.True(result.Verified, result.Divergence?.ToString());
        Assert.Equal(recording.LastTick + 1, result.ReachedTick);
    }

    /// <summary>Copies a recording, changing its tick records.</summary>
    private static string Rewrite(string path, Func<TickRecord, TickRecord> change)
    {
        string copy = Path.Combine(Path.GetDirectoryName(path)!, "edited.twrec");
        using var reader = RecordingReader.Open(path);
        using var writer = RecordingWriter.Create(copy);
        for (int i = 0; i < reader.Records.Count; i++)
        {
            var payload = reader.ReadPayload(i);
            var kind = reader.Records[i].Kind;
            writer.Append(kind, kind == RecordKind.Tick ? change(TickRecord.FromBytes(payload)).ToBytes() : payload);
        }
        return copy;
    }
}
