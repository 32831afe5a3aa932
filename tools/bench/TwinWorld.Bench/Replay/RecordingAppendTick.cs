using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Bench.Replay;

/// <summary>
/// The sustained rate of tick records: <see cref="RecordingWriter.Append"/> of 64-byte records back to back, timed on
/// the calling thread, 128,000 per iteration while the writer thread writes them to a file in the temporary folder.
/// The writer thread falls behind within the first thousand, so this includes Append's waits for room in the
/// queue: it measures the whole pipeline, not the few microseconds a 20 Hz tick pays for its one record.
/// </summary>
[Config(typeof(Percentiles))]
[InvocationCount(128)]
public class RecordingAppendTick
{
    private const int RecordsPerInvoke = 1_000;

    private readonly byte[] _tick = new byte[64];
    private string _path = "";
    private RecordingWriter _writer = null!;

    [GlobalSetup]
    public void Open()
    {
        new Random(1).NextBytes(_tick);
        _path = Path.Combine(Path.GetTempPath(), $"twinworld-bench-{Guid.NewGuid():N}.twrec");
        _writer = RecordingWriter.Create(_path);
    }

    /// <summary>Each iteration starts with the writer caught up.</summary>
    [IterationSetup]
    public void CatchUp() => _writer.Flush();

    [GlobalCleanup]
    public void Close()
    {
        _writer.Dispose();
        File.Delete(_path);
    }

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public void Append()
    {
        for (int i = 0; i < RecordsPerInvoke; i++)
        {
            _writer.Append(RecordKind.Tick, _tick);
        }
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
