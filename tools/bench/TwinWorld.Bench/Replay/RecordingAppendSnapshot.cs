using BenchmarkDotNet.Attributes;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Bench.Replay;

/// <summary>
/// What recording a 4 MB snapshot costs the tick thread: <see cref="RecordingWriter.Append"/> copies it into pooled
/// 64 KiB chunks and queues them, timed on the calling thread. An iteration appends 16 snapshots (64 MB, what the
/// queue holds), one per invocation, while the writer thread writes them out; between iterations it catches up and
/// its buffers are warm, as between snapshots of a run.
/// </summary>
[InvocationCount(16)]
public class RecordingAppendSnapshot() : RecordingAppendBench(4 << 20)
{
    [Benchmark]
    public void Append() => Writer.Append(RecordKind.Snapshot, Payload);
}
