using BenchmarkDotNet.Attributes;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Bench.Replay;

/// <summary>
/// What opening a 100 MB recording costs: <see cref="RecordingReader.Open"/> reads it once, checks every record's
/// CRC-32C and indexes it. The file is shaped like a run's: 200-byte tick records at 20 Hz and a 2.5 MB snapshot of
/// random (incompressible) bytes every minute, about 42,000 records in all. <see cref="Damage.FlippedBytes"/> flips
/// 10 bytes at random places (most land in snapshots, which are most of the bytes) and the scan resynchronises after
/// each: the difference from the whole file is what searching for the next record costs.
/// <see cref="Damage.LengthsToTheEnd"/> is the worst case for that search: 10 snapshots' length fields claim the
/// rest of the file, so each one's checksum runs to the end before it fails. The file is in the temporary folder
/// and read from the page cache, as right after a run.
/// </summary>
[MinColumn, MedianColumn]
public class RecordingScan
{
    private const int TickBytes = 200;
    private const int SnapshotBytes = 5 << 19;
    private const int TicksPerSnapshot = 1_200;
    private const long FileBytes = 100_000_000;

    private string _path = "";

    public enum Damage
    {
        None,
        FlippedBytes,
        LengthsToTheEnd,
    }

    [Params(Damage.None, Damage.FlippedBytes, Damage.LengthsToTheEnd)]
    public Damage Damaged { get; set; }

    [GlobalSetup]
    public void Write()
    {
        _path = Path.Combine(Path.GetTempPath(), $"twinworld-bench-{Guid.NewGuid():N}.twrec");
        var random = new Random(1);
        byte[] tick = new byte[TickBytes];
        byte[] snapshot = new byte[SnapshotBytes];
        random.NextBytes(snapshot);
        using (var writer = RecordingWriter.Create(_path))
        {
            for (long ticks = 0; writer.BytesWritten < FileBytes; ticks++)
            {
                random.NextBytes(tick);
                writer.Append(RecordKind.Tick, tick);
                if (ticks % TicksPerSnapshot == TicksPerSnapshot - 1)
                {
                    writer.Append(RecordKind.Snapshot, snapshot);
                    writer.Flush();
                }
            }
        }
        var snapshots = new List<long>();
        using (var whole = RecordingReader.Open(_path))
        {
            snapshots.AddRange(whole.Records.Where(r => r.Kind == RecordKind.Snapshot).Select(r => r.Offset));
        }
        using (var file = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite))
        {
            for (int damage = 0; damage < 10 && Damaged != Damage.None; damage++)
            {
                // FlippedBytes: anywhere; LengthsToTheEnd: the length fields of 10 snapshots spread over the file.
                long at = Damaged == Damage.FlippedBytes ? random.NextInt64(RecordingFormat.FileHeaderLength, file.Length)
                    : snapshots[damage * snapshots.Count / 10] + RecordingFormat.SyncMarkerLength;
                byte[] bytes = Damaged == Damage.FlippedBytes ? [(byte)(Read(file, at) ^ 0x10)]
                    : BitConverter.GetBytes((uint)(file.Length - at - 5 - RecordingFormat.ChecksumLength));
                file.Position = at;
                file.Write(bytes);
            }
        }
        using var reader = RecordingReader.Open(_path);
        Console.WriteLine($"// {new FileInfo(_path).Length:N0} bytes, {reader.Records.Count:N0} records, {reader.Gaps.Count} gaps{(reader.Tail is null ? "" : ", a damaged tail")}");
    }

    private static int Read(FileStream file, long at)
    {
        file.Position = at;
        return file.ReadByte();
    }

    [Benchmark]
    public int Open()
    {
        using var reader = RecordingReader.Open(_path);
        return reader.Records.Count;
    }

    [GlobalCleanup]
    public void Delete() => File.Delete(_path);
}
