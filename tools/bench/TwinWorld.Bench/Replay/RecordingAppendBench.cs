using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Bench.Replay;

/// <summary>
/// What the recording benchmarks share: a <see cref="RecordingWriter"/> on a file in the temporary folder, caught up
/// before each iteration (as between records of a run), and a payload of random bytes to append.
/// </summary>
[Config(typeof(Percentiles))]
public abstract class RecordingAppendBench(int payloadBytes)
{
    private string _path = "";

    protected byte[] Payload { get; } = new byte[payloadBytes];

    protected RecordingWriter Writer { get; private set; } = null!;

    [GlobalSetup]
    public void Open()
    {
        new Random(1).NextBytes(Payload);
        _path = Path.Combine(Path.GetTempPath(), $"twinworld-bench-{Guid.NewGuid():N}.twrec");
        Writer = RecordingWriter.Create(_path);
    }

    [IterationSetup]
    public void CatchUp() => Writer.Flush();

    [GlobalCleanup]
    public void Close()
    {
        Writer.Dispose();
        File.Delete(_path);
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
