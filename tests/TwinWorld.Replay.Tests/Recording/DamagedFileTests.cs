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
                var tail = Assert.IsType<RecordingTail>(reader.Tail);
                Assert.Equal(TailProblem.CutOff, tail.Problem);
                Assert.Equal(lastEnd, tail.Offset);
                Assert.Equal(length - lastEnd, tail.BytesIgnored);
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
    public void Any_single_damaged_byte_is_caught_and_that_record_and_the_rest_are_dropped()
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
                Assert.Equal(hit, reader.Records.Count);
                for (int i = 0; i < hit; i++)
                {
                    Assert.Equal(payloads[i], reader.ReadPayload(i));
                }
                var tail = Assert.IsType<RecordingTail>(reader.Tail);
                Assert.Equal(hitOffset, tail.Offset);
                Assert.Equal(whole.Length - hitOffset, tail.BytesIgnored);
                // A damaged length field may point past the end or past the limit; anything else fails the checksum.
                var expected = position - hitOffset < 4
                    ? new[] { TailProblem.ChecksumMismatch, TailProblem.CutOff, TailProblem.AbsurdLength }
                    : [TailProblem.ChecksumMismatch];
                Assert.Contains(tail.Problem, expected);
            }
        }
    }

    [Fact]
    public void A_checksum_mismatch_is_reported_as_damage()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("damaged.twrec");
        SamplePayloads.WriteFile(path, Lengths);
        long[] ends = RecordEnds();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[ends[2] + 7] ^= 0x10; // the payload of record 3
        File.WriteAllBytes(path, bytes);

        using var reader = RecordingReader.Open(path);
        Assert.Equal(3, reader.Records.Count);
        var tail = Assert.IsType<RecordingTail>(reader.Tail);
        Assert.Equal(TailProblem.ChecksumMismatch, tail.Problem);
        Assert.Equal(
            $"the last {bytes.Length - ends[2]} bytes (a record whose checksum does not match at offset {ends[2]}) were ignored: the recording is damaged from there",
            tail.Message);
    }

    [Fact]
    public void An_absurd_length_field_stops_the_scan_without_reading_on()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("absurd.twrec");
        SamplePayloads.WriteFile(path, Lengths);
        long[] ends = RecordEnds();
        byte[] bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)ends[1]), 0xFFFF_FFF0);
        File.WriteAllBytes(path, bytes);

        using var reader = RecordingReader.Open(path);
        Assert.Equal(2, reader.Records.Count);
        var tail = Assert.IsType<RecordingTail>(reader.Tail);
        Assert.Equal(TailProblem.AbsurdLength, tail.Problem);
        Assert.Equal(ends[1], tail.Offset);
        Assert.Contains("a record claiming 4,294,967,280 bytes, more than the 256 MiB limit,", tail.Message);
        Assert.EndsWith("were ignored: the recording is damaged from there", tail.Message);
    }

    [Fact]
    public void An_intact_record_of_an_unknown_kind_ends_the_scan_and_is_reported()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("newer.twrec");
        SamplePayloads.WriteFile(path, 4, 4);
        byte[] unknown = [3, 0, 0, 0, 9, 1, 2, 3, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt32LittleEndian(unknown.AsSpan(8), Crc32C.Compute(unknown.AsSpan(4, 4)));
        File.AppendAllBytes(path, unknown);

        using var reader = RecordingReader.Open(path);
        Assert.Equal(2, reader.Records.Count);
        var tail = Assert.IsType<RecordingTail>(reader.Tail);
        Assert.Equal(TailProblem.UnknownKind, tail.Problem);
        Assert.Equal(unknown.Length, tail.BytesIgnored);
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
        bytes[8] = 3;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<RecordingFormatException>(() => RecordingReader.Open(path));
        Assert.Equal($"'{path}' is a TwinWorld recording of format version 3; this build reads versions 1 to 2", error.Message);
    }

    [Fact]
    public void A_version_1_recording_from_before_frame_records_still_opens_whole()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("old.twrec");
        var payloads = SamplePayloads.WriteFile(path, 4, 8, 16);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(2, bytes[8]);
        bytes[8] = 1;
        File.WriteAllBytes(path, bytes);

        using var reader = RecordingReader.Open(path);
        Assert.Null(reader.Tail);
        Assert.Equal(payloads.Length, reader.Records.Count);
        Assert.Equal(payloads[^1], reader.ReadPayload(reader.Records.Count - 1));
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
