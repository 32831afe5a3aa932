using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Tests.Recording;

public class RoundTripTests
{
    [Fact]
    public void Records_of_every_size_and_kind_read_back_exactly_as_appended()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("run.twrec");
        // Empty, tiny, around the writer's 64 KiB chunk and buffer sizes, and multi-MB snapshots.
        int chunk = RecordingWriter.ChunkLength;
        int[] lengths = [0, 1, 3, 4, 8, 64, 64, 4_095, chunk - 1, chunk, chunk + 1, 2 * chunk, 0, 4 << 20, 64, (5 << 20) + 17, 1, 200_000, 0];
        var payloads = new byte[lengths.Length][];
        long written;
        using (var writer = RecordingWriter.Create(path))
        {
            for (int i = 0; i < lengths.Length; i++)
            {
                payloads[i] = SamplePayloads.Make(i, lengths[i]);
                writer.Append(SamplePayloads.Kind(i), payloads[i]);
            }
            writer.Flush();
            Assert.Equal(lengths.Length, writer.RecordsWritten);
            written = writer.BytesWritten;
        }

        long expectedLength = RecordingFormat.FileHeaderLength + lengths.Sum(n => (long)n + RecordingFormat.RecordOverhead);
        Assert.Equal(expectedLength, written);
        Assert.Equal(expectedLength, new FileInfo(path).Length);
        using var reader = RecordingReader.Open(path);
        Assert.Null(reader.Tail);
        Assert.Equal(lengths.Length, reader.Records.Count);
        long offset = RecordingFormat.FileHeaderLength;
        for (int i = 0; i < lengths.Length; i++)
        {
            var entry = reader.Records[i];
            Assert.Equal(SamplePayloads.Kind(i), entry.Kind);
            Assert.Equal(lengths[i], entry.PayloadLength);
            Assert.Equal(offset, entry.Offset);
            Assert.Equal(payloads[i], reader.ReadPayload(i));
            offset = entry.End;
        }
    }

    [Fact]
    public void Many_small_tick_records_keep_their_order()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("ticks.twrec");
        const int count = 20_000;
        using (var writer = RecordingWriter.Create(path))
        {
            Span<byte> tick = stackalloc byte[64];
            for (int i = 0; i < count; i++)
            {
                BitConverter.TryWriteBytes(tick, i);
                writer.Append(RecordKind.Tick, tick);
            }
        }

        using var reader = RecordingReader.Open(path);
        Assert.Null(reader.Tail);
        Assert.Equal(count, reader.Records.Count);
        Span<byte> read = stackalloc byte[64];
        for (int i = 0; i < count; i += 997)
        {
            Assert.Equal(64, reader.ReadPayload(i, read));
            Assert.Equal(i, BitConverter.ToInt32(read));
        }
    }

    [Fact]
    public void A_payload_read_into_a_caller_buffer_fills_only_its_start()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("run.twrec");
        var payloads = SamplePayloads.WriteFile(path, 10, 20);
        using var reader = RecordingReader.Open(path);

        var buffer = new byte[32];
        Assert.Equal(20, reader.ReadPayload(1, buffer));
        Assert.Equal(payloads[1], buffer[..20]);
        Assert.All(buffer[20..], b => Assert.Equal(0, b));
        Assert.Throws<ArgumentException>(() => reader.ReadPayload(1, new byte[19]));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadPayload(2));
    }

    [Fact]
    public void An_empty_recording_has_no_records_and_a_clean_end()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("empty.twrec");
        RecordingWriter.Create(path).Dispose();

        Assert.Equal(RecordingFormat.FileHeaderLength, new FileInfo(path).Length);
        using var reader = RecordingReader.Open(path);
        Assert.Empty(reader.Records);
        Assert.Null(reader.Tail);
    }

    [Fact]
    public void The_file_starts_with_the_magic_and_version_and_frames_records_little_endian()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("bytes.twrec");
        using (var writer = RecordingWriter.Create(path))
        {
            writer.Append(RecordKind.Tick, [0xAA, 0xBB]);
        }

        byte[] file = File.ReadAllBytes(path);
        byte[] expected =
        [
            (byte)'T', (byte)'W', (byte)'I', (byte)'N', (byte)'R', (byte)'E', (byte)'C', 0, (byte)RecordingFormat.Version, 0, 0, 0,
            0xC7, 0xF9, 0x3E, 0x8A, 2, 0, 0, 0, (byte)RecordKind.Tick, 0xAA, 0xBB, 0, 0, 0, 0,
        ];
        BitConverter.TryWriteBytes(expected.AsSpan(23), Crc32C.Compute([(byte)RecordKind.Tick, 0xAA, 0xBB]));
        Assert.Equal(expected, file);
    }
}
