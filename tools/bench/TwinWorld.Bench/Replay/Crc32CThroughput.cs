using BenchmarkDotNet.Attributes;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Bench.Replay;

/// <summary>
/// The checksum every recording record pays on writing and again on opening: <see cref="Crc32C.Compute"/> over a
/// tick record's size (200 bytes) and over the writer's 64 KiB chunk, of random bytes.
/// </summary>
[MinColumn, MedianColumn]
public class Crc32CThroughput
{
    private byte[] _data = [];

    [Params(200, 65_536)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Fill()
    {
        _data = new byte[Bytes];
        new Random(1).NextBytes(_data);
    }

    [Benchmark]
    public uint Compute() => Crc32C.Compute(_data);
}
