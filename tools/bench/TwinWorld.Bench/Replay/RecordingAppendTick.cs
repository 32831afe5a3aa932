using BenchmarkDotNet.Attributes;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Bench.Replay;

/// <summary>
/// The sustained rate of tick records: <see cref="RecordingWriter.Append"/> of 64-byte records back to back, timed on
/// the calling thread, 128,000 per iteration while the writer thread writes them to a file in the temporary folder.
/// The writer thread falls behind within the first thousand, so this includes Append's waits for room in the
/// queue: it measures the whole pipeline, not the few microseconds a 20 Hz tick pays for its one record.
/// </summary>
[InvocationCount(128)]
public class RecordingAppendTick() : RecordingAppendBench(64)
{
    private const int RecordsPerInvoke = 1_000;

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public void Append()
    {
        for (int i = 0; i < RecordsPerInvoke; i++)
        {
            Writer.Append(RecordKind.Tick, Payload);
        }
    }
}
