using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Bench.Replay;

/// <summary>
/// What recording a 4 MB snapshot costs the tick thread: <see cref="RecordingWriter.Append"/> copies it into pooled
/// 64 KiB chunks and queues them, timed on the calling thread. An iteration appends 16 snapshots (64 MB, what the
/// queue holds), one per invocation, while the writer thread writes them out; between iterations it catches up.
/// </summary>
[Config(typeof(Percentiles))]
[InvocationCount(16)]
public class RecordingAppendSnapshot
{
    private readonly byte[] _snapshot = new byte[4 << 20];
    private string _path = "";
    private RecordingWriter _writer = null!;

    [GlobalSetup]
    public void Open()
    {
        new Random(1).NextBytes(_snapshot);
        _path = Path.Combine(Path.GetTempPath(), $"twinworld-bench-{Guid.NewGuid():N}.twrec");
        _writer = RecordingWriter.Create(_path);
    }

    /// <summary>Each iteration starts with the writer caught up and its buffers warm, as between snapshots of a run.</summary>
    [IterationSetup]
    public void CatchUp() => _writer.Flush();

    [GlobalCleanup]
    public void Close()
    {
        _writer.Dispose();
        File.Delete(_path);
    }

    [Benchmark]
    public void Append() => _writer.Append(RecordKind.Snapshot, _snapshot);

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
