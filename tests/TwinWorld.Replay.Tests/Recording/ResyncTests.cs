using System.Buffers.Binary;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Tests.Recording;

/// <summary>Damage in the middle of a version 3 file costs the records it hits, not the rest of the file.</summary>
public class ResyncTests
{
    // Small records and two large ones (over the scan's 1 MiB buffer), so searches cross buffer seams.
    private static readonly int[] Lengths = [40, 0, 300, 2_000_000, 17, 64, 1_500_000, 8, 90, 33];

    // Where each record starts, and the end of the file last.
    private static readonly long[] Starts = [RecordingFormat.FileHeaderLength, .. Lengths.Select((_, i) => RecordingFormat.FileHeaderLength + Lengths[..(i + 1)].Sum(n => (long)RecordingFormat.RecordOverhead + n))];

    [Fact]
    public void Several_flipped_bytes_in_several_records_are_several_gaps_and_every_other_record_is_kept()
    {
        int[] hit = [0, 3, 7];
        using var folder = new TemporaryFolder();
        using var reader = OpenDamaged(folder, bytes =>
        {
            foreach (int record in hit)
            {
                bytes[Starts[record] + RecordingFormat.RecordHeaderLength + 3] ^= 0x20;
            }
            return bytes;
        });

        AssertKept(reader, Lengths.Length, hit);
        Assert.Null(reader.Tail);
        Assert.Equal(hit.Length, reader.Gaps.Count);
        for (int g = 0; g < hit.Length; g++)
        {
            Assert.Equal((Starts[hit[g]], Starts[hit[g] + 1], GapProblem.ChecksumMismatch), (reader.Gaps[g].Offset, reader.Gaps[g].End, reader.Gaps[g].Problem));
        }
    }

    [Fact]
    public void Damage_in_records_side_by_side_is_one_gap_over_both()
    {
        using var folder = new TemporaryFolder();
        using var reader = OpenDamaged(folder, bytes =>
        {
            bytes[Starts[5] + RecordingFormat.RecordHeaderLength] ^= 0x20;
            bytes[Starts[6] + RecordingFormat.RecordHeaderLength + 1_000_000] ^= 0x20;
            return bytes;
        });

        AssertKept(reader, Lengths.Length, [5, 6]);
        var gap = Assert.Single(reader.Gaps);
        Assert.Equal((Starts[5], Starts[7]), (gap.Offset, gap.End));
    }

    [Fact]
    public void A_run_of_garbage_put_in_between_records_is_one_gap_and_no_record_is_lost()
    {
        using var folder = new TemporaryFolder();
        using var reader = OpenDamaged(folder, bytes => PutIn(bytes, Starts[5], 3_000));

        AssertKept(reader, Lengths.Length, []);
        var gap = Assert.Single(reader.Gaps);
        Assert.Equal((Starts[5], 3_000, GapProblem.NoMarker), (gap.Offset, gap.BytesSkipped, gap.Problem));
        Assert.Contains("(bytes that are not the start of a record) were skipped up to the next whole record", gap.Message);
    }

    [Fact]
    public void Garbage_put_in_inside_a_record_costs_that_record_only()
    {
        using var folder = new TemporaryFolder();
        using var reader = OpenDamaged(folder, bytes => PutIn(bytes, Starts[8] + RecordingFormat.RecordHeaderLength + 10, 777));

        AssertKept(reader, Lengths.Length, [8]);
        var gap = Assert.Single(reader.Gaps);
        Assert.Equal((Starts[8], Starts[9] + 777), (gap.Offset, gap.End));
    }

    [Fact]
    public void A_length_field_pointing_past_the_end_with_records_after_it_is_damage_not_a_cut()
    {
        using var folder = new TemporaryFolder();
        using var reader = OpenDamaged(folder, bytes =>
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)Starts[4] + RecordingFormat.SyncMarkerLength), 100_000_000);
            return bytes;
        });

        AssertKept(reader, Lengths.Length, [4]);
        var gap = Assert.Single(reader.Gaps);
        Assert.Equal((Starts[4], Starts[5], GapProblem.AbsurdLength), (gap.Offset, gap.End, gap.Problem));
        Assert.Contains("a record whose length runs past the end of the file", gap.Message);
        Assert.Null(reader.Tail);
    }

    [Fact]
    public void A_file_cut_after_damage_reports_the_gap_and_the_cut_end_apart()
    {
        using var folder = new TemporaryFolder();
        using var reader = OpenDamaged(folder, bytes =>
        {
            bytes[Starts[1] + 2] ^= 0x01; // the marker of record 1
            return bytes[..^3];
        });

        AssertKept(reader, Lengths.Length - 1, [1]);
        Assert.Equal(GapProblem.NoMarker, Assert.Single(reader.Gaps).Problem);
        var tail = Assert.IsType<RecordingGap>(reader.Tail);
        Assert.Equal((GapProblem.CutOff, Starts[^2]), (tail.Problem, tail.Offset));
        Assert.EndsWith("were ignored: the recording was cut off", tail.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Random_damage_never_throws_and_never_yields_a_record_whose_checksum_does_not_match(int seed)
    {
        using var folder = new TemporaryFolder();
        string original = folder.File("run.twrec");
        var payloads = SamplePayloads.WriteFile(original, [.. Lengths, .. Enumerable.Range(0, 200).Select(i => i % 50)]);
        var random = new Random(seed);
        string damaged = folder.File("damaged.twrec");
        for (int round = 0; round < 25; round++)
        {
            var bytes = File.ReadAllBytes(original).ToList();
            for (int hits = random.Next(1, 12); hits > 0; hits--)
            {
                int at = random.Next(RecordingFormat.FileHeaderLength, bytes.Count);
                switch (random.Next(4))
                {
                    case 0: // flip a byte
                        bytes[at] ^= (byte)random.Next(1, 256);
                        break;
                    case 1: // put garbage in, half the time starting like a record
                        byte[] garbage = new byte[random.Next(RecordingFormat.SyncMarkerLength, 400)];
                        random.NextBytes(garbage);
                        if (random.Next(2) == 0)
                        {
                            RecordingFormat.SyncMarker.CopyTo(garbage);
                        }
                        bytes.InsertRange(at, garbage);
                        break;
                    case 2: // take bytes out
                        bytes.RemoveRange(at, Math.Min(random.Next(1, 300), bytes.Count - at));
                        break;
                    default: // overwrite a run with zeros
                        for (int i = at; i < Math.Min(bytes.Count, at + random.Next(1, 64)); i++)
                        {
                            bytes[i] = 0;
                        }
                        break;
                }
            }
            byte[] file = [.. bytes];
            File.WriteAllBytes(damaged, file);

            using var reader = RecordingReader.Open(damaged);

            long covered = RecordingFormat.FileHeaderLength;
            var spans = reader.Records.Select(r => (r.Offset, r.End)).Concat(reader.Gaps.Select(g => (g.Offset, g.End)))
                .Concat(reader.Tail is { } tail ? [(tail.Offset, tail.End)] : []).Order();
            foreach (var (start, end) in spans)
            {
                Assert.Equal(covered, start); // records and gaps cover the file, in order, without overlap
                covered = end;
            }
            Assert.Equal(file.Length, covered);
            for (int i = 0; i < reader.Records.Count; i++)
            {
                var entry = reader.Records[i];
                byte[] payload = reader.ReadPayload(i);
                uint stored = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)(entry.PayloadOffset + entry.PayloadLength)));
                Assert.Equal(stored, Crc32C.Append(Crc32C.Compute([(byte)entry.Kind]), payload));
                Assert.Contains(payloads, p => p.AsSpan().SequenceEqual(payload));
            }
        }
    }

    /// <summary>Writes the sample records, changes the file's bytes as <paramref name="damage"/> says, and opens it.</summary>
    private static RecordingReader OpenDamaged(TemporaryFolder folder, Func<byte[], byte[]> damage)
    {
        string path = folder.File("run.twrec");
        SamplePayloads.WriteFile(path, Lengths);
        File.WriteAllBytes(path, damage(File.ReadAllBytes(path)));
        return RecordingReader.Open(path);
    }

    /// <summary>The bytes with <paramref name="count"/> random ones put in at <paramref name="at"/>.</summary>
    private static byte[] PutIn(byte[] bytes, long at, int count)
    {
        byte[] garbage = new byte[count];
        new Random(count).NextBytes(garbage);
        return [.. bytes[..(int)at], .. garbage, .. bytes[(int)at..]];
    }

    /// <summary>The first <paramref name="written"/> sample records but those <paramref name="lost"/> are read, in order.</summary>
    private static void AssertKept(RecordingReader reader, int written, int[] lost)
    {
        int[] kept = [.. Enumerable.Range(0, written).Except(lost)];
        Assert.Equal(kept.Length, reader.Records.Count);
        for (int i = 0; i < kept.Length; i++)
        {
            Assert.Equal(SamplePayloads.Kind(kept[i]), reader.Records[i].Kind);
            Assert.Equal(SamplePayloads.Make(kept[i], Lengths[kept[i]]), reader.ReadPayload(i));
        }
    }
}
