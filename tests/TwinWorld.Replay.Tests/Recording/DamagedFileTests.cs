using System.Buffers.Binary;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Tests.Recording;

public class DamagedFileTests
{
    // A small file: the first record empty, the rest short, with a record header split at every possible place
    // when the file is cut at every offset.
    private static readonly int[] Lengths = [0, 1, 5, 17, 3, 30];

    [Fact]
    public void A_file_cut_at_any_byte_keeps_exactly_the_whole_records_before_the_cut_and_reports_the_rest()
    {
        using var folder = new TemporaryFolder();
        string original = folder.File("whole.twrec");
        var payloads = SamplePayloads.WriteFile(original, Lengths);
        byte[] whole = File.ReadAllBytes(original);
        long[] ends = RecordEnds();
        Assert.Equal(whole.Length, ends[^1]);

        string cut = folder.File("cut.twrec");
        for (int length = RecordingFormat.FileHeaderLength; length <= whole.Length; length++)
        {
            File.WriteAllBytes(cut, whole[..length]);
            using var reader = RecordingReader.Open(cut);

            int complete = ends.Count(end => end <= length);
            Assert.Equal(complete, reader.Records.Count);
            for (int i = 0; i < complete; i++)
            {
                Assert.Equal(payloads[i], reader.ReadPayload(i));
            }
            long lastEnd = complete == 0 ? RecordingFormat.FileHeaderLength : ends[complete - 1];
            if (lastEnd == length)
            {
                Assert.Null(reader.Tail);
            }
            else
            {
                var tail = Assert.IsType<RecordingGap>(reader.Tail);
                Assert.Equal(GapProblem.CutOff, tail.Problem);
                Assert.Equal(lastEnd, tail.Offset);
                Assert.Equal(length - lastEnd, tail.BytesSkipped);
                Assert.Equal($"the last {length - lastEnd} bytes (an incomplete record at offset {lastEnd}) were ignored: the recording was cut off", tail.Message);
            }
        }
    }

    [Fact]
    public void A_file_cut_inside_its_header_is_refused_with_a_message_naming_it()
    {
        using var folder = new TemporaryFolder();
        string original = folder.File("whole.twrec");
        SamplePayloads.WriteFile(original, Lengths);
        byte[] whole = File.ReadAllBytes(original);

        string cut = folder.File("cut.twrec");
        for (int length = 0; length < RecordingFormat.FileHeaderLength; length++)
        {
            File.WriteAllBytes(cut, whole[..length]);
            var error = Assert.Throws<RecordingFormatException>(() => RecordingReader.Open(cut));
            Assert.Equal(cut, error.Path);
            Assert.Contains($"'{cut}' is not a usable recording: it has {length} bytes, fewer than the 12-byte file header", error.Message);
        }
    }

    [Fact]
    public void Any_single_damaged_byte_costs_only_the_record_it_hits_and_the_scan_goes_on_after_it()
    {
        using var folder = new TemporaryFolder();
        string original = folder.File("whole.twrec");
        var payloads = SamplePayloads.WriteFile(original, Lengths);
        byte[] whole = File.ReadAllBytes(original);
        long[] ends = RecordEnds();

        string damaged = folder.File("damaged.twrec");
        for (int position = RecordingFormat.FileHeaderLength; position < whole.Length; position++)
        {
            foreach (byte flip in new byte[] { 0x01, 0x80, 0xFF })
            {
                byte[] bytes = (byte[])whole.Clone();
                bytes[position] ^= flip;
                File.WriteAllBytes(damaged, bytes);
                using var reader = RecordingReader.Open(damaged);

                int hit = ends.Count(end => end <= position);
                long hitOffset = hit == 0 ? RecordingFormat.FileHeaderLength : ends[hit - 1];
                int[] kept = [.. Enumerable.Range(0, Lengths.Length).Where(i => i != hit)];
                Assert.Equal(kept.Length, reader.Records.Count);
                for (int i = 0; i < kept.Length; i++)
                {
                    Assert.Equal(payloads[kept[i]], reader.ReadPayload(i));
                }
                bool last = hit == Lengths.Length - 1;
                var gap = last ? Assert.IsType<RecordingGap>(reader.Tail) : Assert.Single(reader.Gaps);
                Assert.Equal(hitOffset, gap.Offset);
                Assert.Equal(ends[hit], gap.End);
                Assert.Contains(gap.Problem, (position - hitOffset) switch
                {
                    < RecordingFormat.SyncMarkerLength => new[] { GapProblem.NoMarker },
                    // A damaged length field may point past the end (a cut-off look, at the end) or past the limit;
                    // anything else fails the checksum.
                    < RecordingFormat.SyncMarkerLength + 4 => [GapProblem.ChecksumMismatch, GapProblem.AbsurdLength, last ? GapProblem.CutOff : GapProblem.AbsurdLength],
                    _ => [GapProblem.ChecksumMismatch],
                });
                if (!last)
                {
                    Assert.Null(reader.Tail);
                }
            }
        }
    }

    [Fact]
    public void A_checksum_mismatch_mid_file_is_reported_as_a_gap_with_the_records_after_it_kept()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("damaged.twrec");
        var payloads = SamplePayloads.WriteFile(path, Lengths);
        long[] ends = RecordEnds();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[ends[2] + RecordingFormat.RecordHeaderLength + 1] ^= 0x10; // the payload of record 3
        File.WriteAllBytes(path, bytes);

        using var reader = RecordingReader.Open(path);
        Assert.Equal(5, reader.Records.Count);
        Assert.Equal(payloads[4], reader.ReadPayload(3));
        Assert.Null(reader.Tail);
        var gap = Assert.Single(reader.Gaps);
        Assert.Equal(GapProblem.ChecksumMismatch, gap.Problem);
        Assert.Equal(
            $"{ends[3] - ends[2]} bytes from offset {ends[2]} (a record whose checksum does not match) were skipped up to the next whole record, at offset {ends[3]}: the recording is damaged there",
            gap.Message);
    }

    [Fact]
    public void A_checksum_mismatch_in_the_last_record_is_a_damaged_tail()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("damaged.twrec");
        SamplePayloads.WriteFile(path, Lengths);
        long[] ends = RecordEnds();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^5] ^= 0x10; // the last payload byte
        File.WriteAllBytes(path, bytes);

        using var reader = RecordingReader.Open(path);
        Assert.Equal(5, reader.Records.Count);
        Assert.Empty(reader.Gaps);
        var tail = Assert.IsType<RecordingGap>(reader.Tail);
        Assert.Equal(GapProblem.ChecksumMismatch, tail.Problem);
        Assert.Equal(
            $"the last {bytes.Length - ends[4]} bytes (a record whose checksum does not match at offset {ends[4]}) were ignored: the recording is damaged from there",
            tail.Message);
    }

    [Fact]
    public void An_absurd_length_field_costs_its_record_without_reading_on_through_it()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("absurd.twrec");
        SamplePayloads.WriteFile(path, Lengths);
        long[] ends = RecordEnds();
        byte[] bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)ends[1] + RecordingFormat.SyncMarkerLength), 0xFFFF_FFF0);
        File.WriteAllBytes(path, bytes);

        using var reader = RecordingReader.Open(path);
        Assert.Equal(5, reader.Records.Count);
        var gap = Assert.Single(reader.Gaps);
        Assert.Equal(GapProblem.AbsurdLength, gap.Problem);
        Assert.Equal(ends[1], gap.Offset);
        Assert.Equal(ends[2], gap.End);
        Assert.Contains("a record claiming 4,294,967,280 bytes, more than the 256 MiB limit,", gap.Message);
        Assert.EndsWith("the recording is damaged there", gap.Message);
    }

    [Fact]
    public void An_intact_record_of_an_unknown_kind_ends_the_scan_and_is_reported()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("newer.twrec");
        SamplePayloads.WriteFile(path, 4, 4);
        byte[] unknown = [.. RecordingFormat.SyncMarker, 3, 0, 0, 0, 9, 1, 2, 3, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt32LittleEndian(unknown.AsSpan(12), Crc32C.Compute(unknown.AsSpan(8, 4)));
        File.AppendAllBytes(path, unknown);

        using var reader = RecordingReader.Open(path);
        Assert.Equal(2, reader.Records.Count);
        var tail = Assert.IsType<RecordingGap>(reader.Tail);
        Assert.Equal(GapProblem.UnknownKind, tail.Problem);
        Assert.Equal(unknown.Length, tail.BytesSkipped);
        Assert.Contains("a record of unknown kind 9", tail.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_recording_is_refused_with_a_message_naming_it()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("notes.txt");
        File.WriteAllText(path, "These are not the bytes you are looking for.");

        var error = Assert.Throws<RecordingFormatException>(() => RecordingReader.Open(path));
        Assert.Equal(path, error.Path);
        Assert.Equal($"'{path}' is not a TwinWorld recording: it does not start with the recording magic bytes", error.Message);
    }

    [Fact]
    public void A_recording_of_another_format_version_is_refused_with_both_versions_named()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("future.twrec");
        SamplePayloads.WriteFile(path, 4);
        byte[] bytes = File.ReadAllBytes(path);
        const uint future = RecordingFormat.Version + 1;
        bytes[8] = (byte)future;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<RecordingFormatException>(() => RecordingReader.Open(path));
        Assert.Equal($"'{path}' is a TwinWorld recording of format version {future}; this build reads versions 1 to {RecordingFormat.Version}", error.Message);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    public void A_version_1_or_2_recording_without_record_markers_still_opens_whole(uint version)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("old.twrec");
        var payloads = UnmarkedFile.Write(path, version, 4, 8, 16);

        using var reader = RecordingReader.Open(path);
        Assert.Equal(version, reader.Version);
        Assert.Null(reader.Tail);
        Assert.Equal(payloads.Length, reader.Records.Count);
        Assert.Equal(payloads[^1], reader.ReadPayload(reader.Records.Count - 1));
    }

    [Fact]
    public void A_version_2_recording_stops_at_its_first_damage_as_before_since_it_has_no_marker_to_search_for()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("old.twrec");
        var payloads = UnmarkedFile.Write(path, 2, 4, 8, 16, 32);
        byte[] bytes = File.ReadAllBytes(path);
        long second = RecordingFormat.FileHeaderLength + 5 + 4 + 4;
        bytes[second + 5 + 3] ^= 0x01; // the payload of the second record
        File.WriteAllBytes(path, bytes);

        using var reader = RecordingReader.Open(path);
        Assert.Single(reader.Records);
        Assert.Equal(payloads[0], reader.ReadPayload(0));
        Assert.Empty(reader.Gaps);
        var tail = Assert.IsType<RecordingGap>(reader.Tail);
        Assert.Equal(GapProblem.ChecksumMismatch, tail.Problem);
        Assert.Equal(second, tail.Offset);
        Assert.Equal(bytes.Length - second, tail.BytesSkipped);
    }

    [Fact]
    public void A_payload_changed_after_opening_is_an_error_not_wrong_data()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("changed.twrec");
        SamplePayloads.WriteFile(path, 8, 8);
        using var reader = RecordingReader.Open(path);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.Position = reader.Records[1].PayloadOffset;
            file.WriteByte(0x42);
        }

        Assert.Equal(8, reader.ReadPayload(0).Length);
        var error = Assert.Throws<RecordingFormatException>(() => reader.ReadPayload(1));
        Assert.Contains("changed after it was opened: record 1", error.Message);
    }

    private static long[] RecordEnds()
    {
        var ends = new long[Lengths.Length];
        long offset = RecordingFormat.FileHeaderLength;
        for (int i = 0; i < Lengths.Length; i++)
        {
            offset += RecordingFormat.RecordOverhead + Lengths[i];
            ends[i] = offset;
        }
        return ends;
    }
}
