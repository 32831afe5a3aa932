using FsCheck.Xunit;
using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.State;

namespace TwinWorld.Protocol.Tests;

public class AgentDeltaCodecTests
{
    [Property(MaxTest = 500)]
    public void Baseline_plus_delta_is_the_target_exactly(int seed)
    {
        var random = new Random(seed);
        var baseline = RandomWorlds.Initial(random, random.Next(0, 300));
        var target = baseline;
        for (int ticks = random.Next(1, 12); ticks > 0; ticks--)
        {
            target = RandomWorlds.Step(random, target, speedUnits: random.Next(0, 400));
        }
        var writer = new BitWriter();
        AgentDeltaCodec.Encode(baseline, target, writer);

        Assert.Equal(target, AgentDeltaCodec.Decode(baseline, writer.ToArray()));
    }

    [Fact]
    public void Extreme_values_survive_a_full_snapshot_and_a_delta()
    {
        var far = new AgentView(int.MaxValue - 1, int.MaxValue, int.MaxValue / 2, int.MinValue / 2, 1023, int.MaxValue, 3, 7, ulong.MaxValue);
        var near = new AgentView(0, 0, 0, 0, 0, 0, 0, 0, 0);
        AgentView[] start = [near, far];
        AgentView[] end = [near with { X = int.MaxValue / 2, Heading = 1023 }, far with { X = int.MinValue / 2, Y = int.MaxValue / 2, Heading = 0, Owner = 1 }];

        foreach (var (baseline, target) in new[] { (Array.Empty<AgentView>(), start), (start, end), (end, start), (end, Array.Empty<AgentView>()) })
        {
            var writer = new BitWriter();
            AgentDeltaCodec.Encode(baseline, target, writer);
            Assert.Equal(target, AgentDeltaCodec.Decode(baseline, writer.ToArray()));
        }
    }

    [Fact]
    public void Unchanged_agents_cost_nothing()
    {
        var agents = RandomWorlds.Initial(new Random(3), 10_000);
        var writer = new BitWriter();

        AgentDeltaCodec.Encode(agents, agents, writer);

        Assert.Equal(15, writer.BitCount); // three empty counts
    }

    [Fact]
    public void An_agent_walking_one_tick_costs_well_under_32_bits()
    {
        var random = new Random(5);
        var before = RandomWorlds.Initial(random, 2000);
        // A walker at 1.34 m/s and 20 Hz moves 6.7 cm, about 4 units: every agent moves, a third turn.
        var after = before.Select(a => a with
        {
            X = a.X + random.Next(-4, 5),
            Y = a.Y + random.Next(-4, 5),
            Heading = random.NextDouble() < 0.3 ? (a.Heading + random.Next(-8, 9) + 1024) % 1024 : a.Heading,
        }).ToArray();
        var writer = new BitWriter();

        int changed = AgentDeltaCodec.Encode(before, after, writer);

        double bitsPerAgent = writer.BitCount / (double)changed;
        Assert.True(bitsPerAgent < 20, $"{bitsPerAgent:F1} bits per changed agent");
    }

    [Fact]
    public void Agents_the_encoder_cannot_carry_are_a_caller_bug()
    {
        var bad = new AgentView(1, 1, 0, 0, Quantisation.HeadingSteps, 0, 0, 0, 0);

        var error = Assert.Throws<ArgumentException>(() => AgentDeltaCodec.Encode([], [bad], new BitWriter()));
        Assert.Contains("heading step 1024", error.Message);
    }

    [Fact]
    public void Deltas_that_do_not_fit_their_baseline_are_refused()
    {
        var random = new Random(11);
        var baseline = RandomWorlds.Initial(random, 50);
        var target = RandomWorlds.Step(random, baseline);
        var writer = new BitWriter();
        AgentDeltaCodec.Encode(baseline, target, writer);
        byte[] delta = writer.ToArray();

        // Against another baseline (ids it names are missing), cut short, or with bytes after its end.
        Assert.Throws<BitStreamException>(() => AgentDeltaCodec.Decode([], delta));
        Assert.Throws<BitStreamException>(() => AgentDeltaCodec.Decode(baseline, delta.AsSpan(0, delta.Length - 2)));
        Assert.Throws<BitStreamException>(() => AgentDeltaCodec.Decode(baseline, [.. delta, 0x55, 0x55]));
    }

    [Fact]
    public void Random_bytes_never_escape_as_anything_but_a_bit_stream_error()
    {
        var random = new Random(17);
        var baseline = RandomWorlds.Initial(random, 100);
        int refused = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var garbage = new byte[random.Next(0, 64)];
            random.NextBytes(garbage);
            try
            {
                var decoded = AgentDeltaCodec.Decode(baseline, garbage);
                Assert.True(decoded.Zip(decoded.Skip(1)).All(p => p.First.Id < p.Second.Id), "a decoded view stays sorted by id");
            }
            catch (BitStreamException)
            {
                refused++;
            }
        }
        Assert.True(refused > 19_000, $"only {refused} of 20000 random streams refused");
    }
}
