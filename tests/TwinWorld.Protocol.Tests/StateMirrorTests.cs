using System.Runtime.CompilerServices;
using FsCheck.Xunit;
using Google.Protobuf;
using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.Tests;

public class StateMirrorTests
{
    /// <summary>
    /// A server streams deltas against the client's newest acknowledged tick over a link that loses,
    /// delays and reorders both updates and acks. Every view the mirror applies equals the server's
    /// view of that tick, and the mirror keeps up.
    /// </summary>
    [Property(MaxTest = 60)]
    public void Lost_and_reordered_deltas_are_survived_by_acking(int seed)
    {
        var random = new Random(seed);
        double loss = random.NextDouble() * 0.5;
        var history = new Dictionary<long, StateView>();
        var mirror = new StateMirror(history: 32);
        var toClient = new List<(long Due, StateUpdate Update)>();
        var toServer = new List<(long Due, long Ack)>();
        long acked = -1;
        int applied = 0;
        var agents = RandomWorlds.Initial(random, random.Next(0, 200));
        var writer = new BitWriter();
        for (long tick = 0; tick < 200; tick++)
        {
            agents = RandomWorlds.Step(random, agents);
            var view = RandomWorlds.View(tick, agents, random);
            history[tick] = view;
            history.Remove(tick - 32); // the server keeps as many views as the mirror
            foreach (var (_, ack) in Arrive(toServer, tick, random))
            {
                acked = Math.Max(acked, ack);
            }
            var baseline = history.GetValueOrDefault(acked);
            if (random.NextDouble() >= loss)
            {
                toClient.Add((tick + random.Next(0, 4), StateUpdates.Encode(baseline, view, writer)));
            }
            foreach (var (_, update) in Arrive(toClient, tick, random))
            {
                var status = mirror.Apply(update);
                Assert.NotEqual(MirrorStatus.Rejected, status);
                if (status != MirrorStatus.Applied)
                {
                    continue;
                }
                applied++;
                var sent = history[(long)update.Tick];
                Assert.Equal(sent.ComputeHash(), mirror.Latest!.ComputeHash());
                Assert.True(sent.Agents.SequenceEqual(mirror.Latest.Agents));
                if (random.NextDouble() >= loss)
                {
                    toServer.Add((tick + random.Next(0, 4), (long)update.Tick));
                }
            }
        }
        Assert.True(applied >= 200 * (1 - loss) / 4, $"applied {applied} of 200 at {loss:P0} loss");
    }

    [Fact]
    public void Updates_not_newer_than_the_latest_or_on_a_missing_baseline_are_ignored()
    {
        var random = new Random(2);
        var writer = new BitWriter();
        var first = RandomWorlds.View(10, RandomWorlds.Initial(random, 20), random);
        var second = RandomWorlds.View(11, RandomWorlds.Step(random, first.Agents.ToArray()), random);
        var mirror = new StateMirror();

        Assert.Equal(MirrorStatus.BaselineMissing, mirror.Apply(StateUpdates.Encode(first, second, writer)));
        Assert.Equal(MirrorStatus.Applied, mirror.Apply(StateUpdates.Encode(null, first, writer)));
        Assert.Equal(MirrorStatus.Applied, mirror.Apply(StateUpdates.Encode(first, second, writer)));
        Assert.Equal(MirrorStatus.Stale, mirror.Apply(StateUpdates.Encode(null, first, writer)));
        Assert.Equal(MirrorStatus.Stale, mirror.Apply(StateUpdates.Encode(first, second, writer)));
        Assert.Equal(second.ComputeHash(), mirror.Latest!.ComputeHash());
    }

    [Fact]
    public void Garbage_updates_are_rejected_with_a_reason_and_the_mirror_goes_on()
    {
        var random = new Random(4);
        var writer = new BitWriter();
        var first = RandomWorlds.View(1, RandomWorlds.Initial(random, 30), random);
        var mirror = new StateMirror();
        mirror.Apply(StateUpdates.Encode(null, first, writer));
        int rejected = 0;
        for (int i = 0; i < 5000; i++)
        {
            var garbage = new byte[random.Next(1, 80)];
            random.NextBytes(garbage);
            var update = new StateUpdate { Tick = (ulong)(2 + i), HasBaseline = true, BaselineTick = 1, Agents = ByteString.CopyFrom(garbage) };
            var status = mirror.Apply(update);
            rejected += status == MirrorStatus.Rejected ? 1 : 0;
            if (status == MirrorStatus.Rejected)
            {
                Assert.False(string.IsNullOrEmpty(mirror.LastProblem));
            }
        }
        Assert.True(rejected > 4500, $"{rejected} of 5000 rejected");
        var contradictory = StateUpdates.Encode(first, first, writer);
        contradictory.Tick = 100_000;
        contradictory.Hazards.Add(new HazardState { Number = 9 });
        Assert.Equal(MirrorStatus.Rejected, mirror.Apply(contradictory));
    }

    [Fact]
    public void Two_held_views_bracket_a_render_time_for_interpolation()
    {
        var random = new Random(6);
        var writer = new BitWriter();
        var mirror = new StateMirror();
        var agents = RandomWorlds.Initial(random, 5);
        StateView? previous = null;
        foreach (long tick in new long[] { 10, 11, 13 })
        {
            var view = RandomWorlds.View(tick, agents, random);
            mirror.Apply(StateUpdates.Encode(previous, view, writer));
            previous = view;
        }

        Assert.True(mirror.TryBracket(12.5, out var from, out var to, out double fraction));
        Assert.Equal((11L, 13L, 0.75), (from.Tick, to.Tick, fraction));
        Assert.True(mirror.TryBracket(10.25, out from, out to, out fraction));
        Assert.Equal((10L, 11L, 0.25), (from.Tick, to.Tick, fraction));
        Assert.False(mirror.TryBracket(13.5, out _, out _, out _));
        Assert.False(mirror.TryBracket(9, out _, out _, out _));
    }

    private static List<T> Arrive<T>(List<T> inFlight, long now, Random random) where T : struct, ITuple
    {
        var due = inFlight.Where(m => (long)m[0]! <= now).OrderBy(_ => random.Next()).ToList();
        inFlight.RemoveAll(m => (long)m[0]! <= now);
        return due;
    }
}
