using TwinWorld.Simulation;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Replay.Runs;

/// <summary>How a recorded run ended: after which tick, why, and its metrics over time (so comparisons need not re-run it).</summary>
public sealed record RunEnd(long LastTick, string Reason, IReadOnlyList<(TimeSpan At, RunOutcome Outcome)> Samples)
{
    public byte[] ToBytes()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            writer.Write(LastTick);
            writer.Write(Reason);
            writer.Write(Samples.Count);
            foreach (var (at, outcome) in Samples)
            {
                writer.Write(at.Ticks);
                writer.Write(outcome);
            }
        }
        return bytes.ToArray();
    }

    public static RunEnd FromBytes(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        long last = reader.ReadInt64();
        string reason = reader.ReadString();
        var samples = new (TimeSpan, RunOutcome)[reader.ReadInt32()];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (TimeSpan.FromTicks(reader.ReadInt64()), reader.ReadRunOutcome());
        }
        return new RunEnd(last, reason, samples);
    }
}
