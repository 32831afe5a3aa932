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

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Replaying_in_pieces_between_snapshots_side_by_side_checks_every_tick_and_ends_where_the_run_did(int lanes)
    {
        var (path, original) = RecordedRuns.Record("tornado-town.yaml", TimeSpan.FromMinutes(2), inject: (TimeSpan.FromSeconds(75), Fire));
        using var recording = RunRecording.Open(path);
        var replayer = new Replayer(recording, workers: lanes);
        var simulations = new HashSet<Simulation.Simulator>();
        long calls = 0;

        var result = replayer.ReplayAll(lanes, (ticks, simulation) =>
        {
            Assert.Equal(++calls, ticks);
            simulations.Add(simulation);
        });

        Assert.True(result.Verified, result.Divergence?.ToString());
        Assert.Equal((0, original.Simulation.Tick, original.Simulation.Tick), (result.StartTick, result.TicksVerified, result.ReachedTick));
        Assert.Equal(recording.Ticks.Count, calls);
        // A piece from the setup and one from each snapshot after it (every 30 s, so 3 more in 2 minutes).
        Assert.Equal(4, simulations.Count);
        Assert.Equal(original.Simulation.StateHash, replayer.Run!.Simulation.StateHash);
    }

    [Fact]
    public void Pieces_side_by_side_report_the_earliest_divergence_of_all_as_one_go_does()
    {
        var (path, _) = RecordedRuns.Record("tornado-town.yaml", TimeSpan.FromMinutes(2));
        using var original = RunRecording.Open(path);
        long early = original.Snapshots.First(s => s.Tick > 0).Tick - 5; // late in the first piece
        long late = original.Snapshots.Last().Tick + 1;                   // early in the last piece
        string edited = Rewrite(path, tick => tick.Tick == early || tick.Tick == late ? tick with { StateHash = tick.StateHash ^ 1 } : tick);
        using var recording = RunRecording.Open(edited);

        var inPieces = new Replayer(recording, workers: 2).ReplayAll(lanes: 2);
        var inOneGo = new Replayer(recording, workers: 2).ReplayTo(long.MaxValue);

        Assert.Equal(early, Assert.IsType<Divergence>(inPieces.Divergence).Tick);
        Assert.Equal(inOneGo.Divergence!.Tick, inPieces.Divergence!.Tick);
        Assert.Equal((inOneGo.TicksVerified, inOneGo.ReachedTick), (inPieces.TicksVerified, inPieces.ReachedTick));
    }

    [Fact]
    public void A_scenario_whose_grids_no_longer_fit_the_recording_diverges_at_the_setup_in_pieces_and_in_one_go()
    {
        // The water on 8 m cells: no flood in this run, but the water grid is state, so the setup's hash differs.
        var (path, _) = RecordedRuns.Record("tornado-town.yaml", TimeSpan.FromMinutes(2));
        string edited = Rewrite(path, tick => tick, header => header with { ScenarioText = header.ScenarioText.Replace("map:\n", "map:\n  water_cell: 8\n") });
        using var recording = RunRecording.Open(edited);
        Assert.Contains("water_cell: 8", recording.Header.ScenarioText);

        var inPieces = new Replayer(recording, workers: 2).ReplayAll(lanes: 2);
        var inOneGo = new Replayer(recording, workers: 2).ReplayTo(long.MaxValue);

        foreach (var result in (ReplayResult[])[inPieces, inOneGo])
        {
            var divergence = Assert.IsType<Divergence>(result.Divergence);
            Assert.Equal(0, divergence.Tick);
            Assert.Contains("diverged at tick 0", divergence.ToString());
        }
    }

    [Fact]
    public void A_snapshot_that_holds_another_state_than_the_run_had_is_a_divergence_though_every_hash_matches()
    {
        var (path, _) = RecordedRuns.Record("tornado-town.yaml", TimeSpan.FromMinutes(2));
        long damaged = RunRecording.Open(path).Snapshots.Select(s => s.Tick).Where(t => t > 0).Order().ElementAt(1);
        string edited = Rewrite(path, tick => tick, snapshot: (tick, state) =>
        {
            if (tick == damaged)
            {
                state[state.Length / 2] ^= 0x40; // in the world's grids, which make up most of it
            }
            return state;
        });
        using var recording = RunRecording.Open(edited);

        var inOneGo = new Replayer(recording, workers: 2).ReplayTo(long.MaxValue);
        var inPieces = new Replayer(recording, workers: 2).ReplayAll(lanes: 2);

        foreach (var result in (ReplayResult[])[inOneGo, inPieces])
        {
            var divergence = Assert.IsType<Divergence>(result.Divergence);
            Assert.Equal(damaged - 1, divergence.Tick);
            Assert.Equal(divergence.Expected, divergence.Actual);
            Assert.Contains("the snapshot taken after it holds another state", divergence.ToString());
        }
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

        Assert.Equal(GapProblem.CutOff, recording.Tail?.Problem);
        Assert.Empty(recording.Gaps);
        Assert.Null(recording.End);
        Assert.True(result.Verified, result.Divergence?.ToString());
        Assert.Equal(recording.LastTick + 1, result.ReachedTick);
    }

    /// <summary>Copies a recording, changing its tick records and, if asked, its header and its snapshots' saved states.</summary>
    private static string Rewrite(string path, Func<TickRecord, TickRecord> change, Func<RunHeader, RunHeader>? header = null, Func<long, byte[], byte[]>? snapshot = null)
    {
        string copy = Path.Combine(Path.GetDirectoryName(path)!, "edited.twrec");
        using var reader = RecordingReader.Open(path);
        using var writer = RecordingWriter.Create(copy);
        for (int i = 0; i < reader.Records.Count; i++)
        {
            var payload = reader.ReadPayload(i);
            var kind = reader.Records[i].Kind;
            writer.Append(kind, kind switch
            {
                RecordKind.Tick => change(TickRecord.FromBytes(payload)).ToBytes(),
                RecordKind.Header when header is not null => header(RunHeader.FromBytes(payload)).ToBytes(),
                RecordKind.Snapshot when snapshot is not null => SnapshotPayload.Peek(payload) is var (tick, hash)
                    ? SnapshotPayload.Pack(tick, hash, snapshot(tick, SnapshotPayload.Unpack(payload))) : payload,
                _ => payload,
            });
        }
        return copy;
    }
}
