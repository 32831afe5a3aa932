using System.IO.Compression;
using TwinWorld.Replay.Reports;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Snapshots;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Replay.Runs;

/// <summary>
/// How a recorded run ended: after which tick, why, its metrics over time and its final hazard maps
/// (deflated), so comparisons and reports need not re-run it.
/// </summary>
public sealed record RunEnd(long LastTick, string Reason, IReadOnlyList<(TimeSpan At, RunOutcome Outcome)> Samples, RunEnd.MapData? Maps)
{
    /// <summary>The maps of <see cref="RunMaps"/> without their terrain, which the scenario rebuilds.</summary>
    public sealed record MapData(TimeSpan At, float[] FloodMaxDepth, float[] FloodArrivalSeconds, float[] FireArrivalSeconds)
    {
        public static MapData Of(RunMaps maps) => new(maps.At, maps.FloodMaxDepth, maps.FloodArrivalSeconds, maps.FireArrivalSeconds);

        public RunMaps On(TerrainGrid terrain) => new(terrain, At, FloodMaxDepth, FloodArrivalSeconds, FireArrivalSeconds);
    }

    public byte[] ToBytes()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(LastTick);
            writer.Write(Reason);
            writer.Write(Samples.Count);
            foreach (var (at, outcome) in Samples)
            {
                writer.Write(at.Ticks);
                writer.Write(outcome);
            }
            writer.Write(Maps is not null);
        }
        if (Maps is { } maps)
        {
            using var zlib = new ZLibStream(bytes, CompressionLevel.Fastest, leaveOpen: true);
            using var writer = new BinaryWriter(zlib);
            writer.Write(maps.At.Ticks);
            writer.WriteArray<float>(maps.FloodMaxDepth);
            writer.WriteArray<float>(maps.FloodArrivalSeconds);
            writer.WriteArray<float>(maps.FireArrivalSeconds);
        }
        return bytes.ToArray();
    }

    public static RunEnd FromBytes(byte[] payload)
    {
        using var bytes = new MemoryStream(payload);
        using var reader = new BinaryReader(bytes);
        long last = reader.ReadInt64();
        string reason = reader.ReadString();
        var samples = new (TimeSpan, RunOutcome)[reader.ReadInt32()];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (TimeSpan.FromTicks(reader.ReadInt64()), reader.ReadRunOutcome());
        }
        MapData? maps = null;
        if (reader.ReadBoolean())
        {
            using var zlib = new BinaryReader(new ZLibStream(bytes, CompressionMode.Decompress));
            const int MaxCells = 1 << 26;
            maps = new MapData(TimeSpan.FromTicks(zlib.ReadInt64()), zlib.ReadArray<float>(MaxCells), zlib.ReadArray<float>(MaxCells), zlib.ReadArray<float>(MaxCells));
        }
        return new RunEnd(last, reason, samples, maps);
    }
}
