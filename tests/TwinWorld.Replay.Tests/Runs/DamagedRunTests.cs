using TwinWorld.Replay.Forks;
using TwinWorld.Replay.Recording;
using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Runs;

namespace TwinWorld.Replay.Tests.Runs;

/// <summary>
/// A real recorded run (tornado-town, 2 minutes: ticks 0 to 2,399, a snapshot every 600) damaged in the middle: the
/// records after the damage are read, and a replay checks up to the lost ticks, then again from the next snapshot.
/// </summary>
public class DamagedRunTests(DamagedRunTests.Recorded recorded) : IClassFixture<DamagedRunTests.Recorded>
{
    [Fact]
    public void One_flipped_byte_in_a_tick_record_costs_that_tick_and_the_replay_checks_again_from_the_next_snapshot()
    {
        string path = recorded.Damaged((Tick: 700, At: 20), flip: true);
        using var recording = RunRecording.Open(path);

        // Before resynchronising, the reader stopped here: 700 of the 2,400 ticks.
        Assert.Equal(2_399, recording.Ticks.Count);
        Assert.Null(recording.Tail);
        Assert.NotNull(recording.End);
        var gap = Assert.Single(recording.Gaps);
        Assert.Equal((700, 700, 1_200L), (gap.FirstTickLost, gap.LastTickLost, gap.ResumeTick));
        Assert.Equal(GapProblem.ChecksumMismatch, gap.Damage.Problem);
        Assert.Equal(recorded.TickOffset(700), gap.Damage.Offset);
        Assert.EndsWith("checksum mismatch) were skipped: tick 700 lost, ticks 701 to 1,199 unverified, checked again from the snapshot at tick 1,200", gap.ToString());

        var replayer = new Replayer(recording, workers: 2);
        var inOneGo = replayer.ReplayTo(long.MaxValue);
        Assert.Equal(recorded.FinalHash, replayer.Run!.Simulation.StateHash);
        var inPieces = new Replayer(recording, workers: 2).ReplayAll(lanes: 2);

        foreach (var result in (ReplayResult[])[inOneGo, inPieces])
        {
            Assert.True(result.Verified, result.Divergence?.ToString());
            Assert.Equal((0, 700 + 1_200, 2_400), (result.StartTick, result.TicksVerified, result.ReachedTick));
            Assert.Equal(gap, Assert.Single(result.Skipped));
        }
    }

    [Fact]
    public void Several_flipped_bytes_are_several_gaps_each_checked_again_from_its_next_snapshot_where_there_is_one()
    {
        string path = recorded.Damaged([(Tick: 100, At: 9), (Tick: 1_300, At: 12), (Tick: 2_000, At: 30)], flip: true);
        using var recording = RunRecording.Open(path);

        Assert.Equal(2_397, recording.Ticks.Count);
        Assert.Equal([(100L, 600L), (1_300L, 1_800L), (2_000L, (long?)null)], recording.Gaps.Select(g => (g.FirstTickLost, g.ResumeTick)));
        Assert.EndsWith("tick 2,000 lost; no snapshot after them, so the ticks after them are unverified", recording.Gaps[2].ToString());

        var result = new Replayer(recording, workers: 2).ReplayTo(long.MaxValue);

        Assert.True(result.Verified, result.Divergence?.ToString());
        // 0 to 99, 600 to 1,299 and 1,800 to 1,999.
        Assert.Equal((100 + 700 + 200, 2_000), (result.TicksVerified, result.ReachedTick));
        Assert.Equal(recording.Gaps, result.Skipped);
    }

    [Fact]
    public void Damage_inside_a_snapshot_loses_no_tick_and_every_tick_is_still_checked()
    {
        string path = recorded.Damaged([recorded.SnapshotOffset(1_200) + 100_000], flip: true);
        using var recording = RunRecording.Open(path);

        var gap = Assert.Single(recording.Gaps);
        Assert.Equal(0, gap.TicksLost);
        Assert.Null(gap.ResumeTick);
        Assert.DoesNotContain(1_200, recording.Snapshots.Select(s => s.Tick));
        Assert.Contains("no tick lost", gap.ToString());

        var result = new Replayer(recording, workers: 2).ReplayTo(long.MaxValue);

        Assert.True(result.Verified, result.Divergence?.ToString());
        Assert.Equal((2_400, 2_400), (result.TicksVerified, result.ReachedTick));
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Garbage_put_in_inside_a_tick_record_costs_that_tick_and_the_replay_goes_on_from_the_next_snapshot()
    {
        string path = recorded.Damaged([recorded.TickOffset(1_000) + 15], flip: false);
        using var recording = RunRecording.Open(path);

        var gap = Assert.Single(recording.Gaps);
        Assert.Equal((1_000, 1_000, 1_200L), (gap.FirstTickLost, gap.LastTickLost, gap.ResumeTick));

        var result = new Replayer(recording, workers: 2).ReplayAll(lanes: 1);

        Assert.True(result.Verified, result.Divergence?.ToString());
        Assert.Equal((1_000 + 1_200, 2_400), (result.TicksVerified, result.ReachedTick));
    }

    [Fact]
    public void Seeking_into_the_ticks_after_damage_stops_at_the_damage_and_says_which()
    {
        string path = recorded.Damaged((Tick: 700, At: 20), flip: true);
        using var recording = RunRecording.Open(path);

        var result = new Replayer(recording, workers: 2).ReplayTo(900, seek: true);

        Assert.True(result.Verified, result.Divergence?.ToString());
        Assert.Equal((600, 100, 700), (result.StartTick, result.TicksVerified, result.ReachedTick));
        Assert.Equal(recording.Gaps, result.Skipped);
    }

    [Fact]
    public void A_fork_in_the_ticks_after_damage_is_refused_and_one_after_the_next_snapshot_starts_from_it()
    {
        string path = recorded.Damaged((Tick: 700, At: 20), flip: true);
        using var recording = RunRecording.Open(path);

        var refused = Assert.Throws<WhatIfException>(() => WhatIfFork.Create(new Replayer(recording, workers: 2), 900, new Dictionary<string, string>(), [], workers: 2));
        var fork = WhatIfFork.Create(new Replayer(recording, workers: 2), 1_300, new Dictionary<string, string>(), [], workers: 2);

        Assert.StartsWith("The recording is damaged before the fork point, with no snapshot between the damage and tick 900 to start again from: bytes ", refused.Message);
        Assert.Contains("tick 700 lost", refused.Message);
        Assert.Equal(1_300, fork.Run.Simulation.Tick);
    }

    /// <summary>The recording, made once for the class; each test damages a copy.</summary>
    public sealed class Recorded : IDisposable
    {
        private readonly string _path;
        private readonly List<(RecordKind Kind, long Tick, long Offset)> _records = [];
        private int _copies;

        public Recorded()
        {
            (_path, var run) = RecordedRuns.Record("tornado-town.yaml", TimeSpan.FromMinutes(2));
            FinalHash = run.Simulation.StateHash;
            using var reader = RecordingReader.Open(_path);
            for (int i = 0; i < reader.Records.Count; i++)
            {
                var entry = reader.Records[i];
                long tick = entry.Kind switch
                {
                    RecordKind.Tick => TickRecord.FromBytes(reader.ReadPayload(i)).Tick,
                    RecordKind.Snapshot => SnapshotPayload.Peek(reader.ReadPayload(i)).Tick,
                    _ => -1,
                };
                _records.Add((entry.Kind, tick, entry.Offset));
            }
        }

        public ulong FinalHash { get; }

        public long TickOffset(long tick) => _records.Single(r => r.Kind == RecordKind.Tick && r.Tick == tick).Offset;

        public long SnapshotOffset(long tick) => _records.Single(r => r.Kind == RecordKind.Snapshot && r.Tick == tick).Offset;

        /// <summary>A copy with a byte flipped, or 64 random bytes put in, <c>at</c> bytes into each tick's record.</summary>
        public string Damaged((long Tick, int At) place, bool flip) => Damaged([place], flip);

        public string Damaged((long Tick, int At)[] places, bool flip) => Damaged([.. places.Select(p => TickOffset(p.Tick) + p.At)], flip);

        /// <summary>A copy with a byte flipped, or 64 random bytes put in, at each file offset.</summary>
        public string Damaged(long[] offsets, bool flip)
        {
            var bytes = File.ReadAllBytes(_path).ToList();
            foreach (long offset in offsets.OrderDescending())
            {
                if (flip)
                {
                    bytes[(int)offset] ^= 0x40;
                }
                else
                {
                    byte[] garbage = new byte[64];
                    new Random((int)offset).NextBytes(garbage);
                    bytes.InsertRange((int)offset, garbage);
                }
            }
            string copy = Path.Combine(Path.GetDirectoryName(_path)!, $"damaged-{Interlocked.Increment(ref _copies)}.twrec");
            File.WriteAllBytes(copy, [.. bytes]);
            return copy;
        }

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }
}
