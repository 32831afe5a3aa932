using System.Buffers.Binary;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Tests.Recording;

public class WriterTests
{
    [Fact]
    public void Flushed_records_are_visible_to_a_reader_while_the_writer_is_still_open()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("live.twrec");
        using var writer = RecordingWriter.Create(path);
        writer.Append(RecordKind.Header, [1, 2, 3]);
        writer.Append(RecordKind.Tick, [4]);
        writer.Flush();

        using (var reader = RecordingReader.Open(path))
        {
            Assert.Null(reader.Tail);
            Assert.Equal([RecordKind.Header, RecordKind.Tick], reader.Records.Select(r => r.Kind));
            Assert.Equal([1, 2, 3], reader.ReadPayload(0));
        }

        writer.Append(RecordKind.Snapshot, new byte[300_000]);
        writer.Flush();
        using (var reader = RecordingReader.Open(path))
        {
            Assert.Null(reader.Tail);
            Assert.Equal(3, reader.Records.Count);
            Assert.Equal(300_000, reader.Records[2].PayloadLength);
        }
        Assert.Equal(3, writer.RecordsWritten);
        Assert.Equal(new FileInfo(path).Length, writer.BytesWritten);
    }

    [Fact]
    public void Without_Flush_a_record_reaches_the_file_as_soon_as_the_writer_has_caught_up()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("idle.twrec");
        using var writer = RecordingWriter.Create(path);
        writer.Append(RecordKind.Tick, [9, 8, 7]);

        // RecordsWritten counts records handed to the OS; a generous guard, not a timing assertion.
        var giveUp = System.Diagnostics.Stopwatch.StartNew();
        while (writer.RecordsWritten < 1)
        {
            Assert.True(giveUp.Elapsed < TimeSpan.FromMinutes(1), "the writer never handed the record to the OS");
            Thread.Sleep(1);
        }
        using var reader = RecordingReader.Open(path);
        Assert.Null(reader.Tail);
        Assert.Equal(RecordKind.Tick, Assert.Single(reader.Records).Kind);
        Assert.Equal([9, 8, 7], reader.ReadPayload(0));
    }

    [Fact]
    public void Dispose_writes_what_is_queued_and_nothing_more()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("closed.twrec");
        var writer = RecordingWriter.Create(path);
        writer.Append(RecordKind.Header, [7]);
        writer.Flush();
        long flushed = new FileInfo(path).Length;
        writer.Append(RecordKind.End, []);
        writer.Dispose();
        writer.Dispose();

        Assert.Equal(flushed + RecordingFormat.RecordOverhead, new FileInfo(path).Length);
        using var reader = RecordingReader.Open(path);
        Assert.Equal([RecordKind.Header, RecordKind.End], reader.Records.Select(r => r.Kind));
        Assert.Throws<ObjectDisposedException>(() => writer.Append(RecordKind.Tick, [1]));
        Assert.Throws<ObjectDisposedException>(writer.Flush);
    }

    [Fact]
    public async Task Records_appended_from_two_threads_at_once_each_arrive_whole_and_in_each_threads_order()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("concurrent.twrec");
        const int perThread = 3_000;
        using (var writer = RecordingWriter.Create(path))
        {
            using var start = new Barrier(2);
            // Own threads, started together; an exception in either fails the test instead of ending the test host.
            var appenders = Enumerable.Range(0, 2).Select(t => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < perThread; i++)
                {
                    // Every 500th record spans several queue chunks, so chunks of both threads could interleave.
                    writer.Append(RecordKind.Tick, ThreadPayload(t, i, i % 500 == 0 ? 3 * RecordingWriter.ChunkLength + 5 : 40 + (i % 30)));
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(appenders);
        }

        using var reader = RecordingReader.Open(path);
        Assert.Null(reader.Tail);
        Assert.Equal(2 * perThread, reader.Records.Count);
        int[] next = new int[2];
        for (int r = 0; r < reader.Records.Count; r++)
        {
            byte[] payload = reader.ReadPayload(r);
            int thread = payload[0];
            int i = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(1));
            Assert.Equal(next[thread]++, i);
            Assert.Equal(ThreadPayload(thread, i, payload.Length), payload);
        }
        Assert.Equal([perThread, perThread], next);
    }

    [Fact]
    public void Create_refuses_an_existing_file_unless_told_to_overwrite_and_makes_missing_folders()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File(Path.Combine("runs", "2026", "run.twrec"));
        SamplePayloads.WriteFile(path, 5, 5);

        var error = Assert.Throws<IOException>(() => RecordingWriter.Create(path));
        Assert.Equal($"the recording '{path}' already exists; choose another name or ask to overwrite it", error.Message);
        using (var reader = RecordingReader.Open(path))
        {
            Assert.Equal(2, reader.Records.Count);
        }

        RecordingWriter.Create(path, overwrite: true).Dispose();
        using (var reader = RecordingReader.Open(path))
        {
            Assert.Empty(reader.Records);
        }
    }

    [Fact]
    public void Append_refuses_undefined_kinds_and_oversized_payloads()
    {
        using var writer = RecordingWriter.Create("memory", new FailingStream(long.MaxValue), RecordingWriter.DefaultQueueChunks);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Append(0, [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Append((RecordKind)7, [1]));
        var big = new byte[RecordingFormat.MaxPayloadLength + 1];
        Assert.Throws<ArgumentException>(() => writer.Append(RecordKind.Snapshot, big));
        writer.Flush();
        Assert.Equal(0, writer.RecordsWritten);
    }

    [Fact]
    public void A_full_queue_makes_Append_wait_for_the_disk_instead_of_growing()
    {
        var stream = new StallingStream();
        using var writer = RecordingWriter.Create("stalled", stream, queueChunks: 4);
        stream.Stall();
        writer.Append(RecordKind.Tick, [0]);
        stream.WriteStalled.Wait(); // the writer thread now hangs in a write, holding nothing in the queue
        for (int i = 1; i <= 4; i++)
        {
            writer.Append(RecordKind.Tick, [(byte)i]);
        }

        bool appended = false;
        Exception? failure = null;
        var appender = new Thread(() =>
        {
            try
            {
                writer.Append(RecordKind.Tick, [5]);
                Volatile.Write(ref appended, true);
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        appender.Start();
        // Wait until the appender has counted its record and gone to sleep, or has (wrongly) finished.
        while (!appender.ThreadState.HasFlag(ThreadState.Stopped) && !(writer.MaxQueueDepth == 5 && appender.ThreadState.HasFlag(ThreadState.WaitSleepJoin)))
        {
            Thread.Yield();
        }
        Assert.False(Volatile.Read(ref appended), "Append returned although the queue was full");
        Assert.Equal(5, writer.MaxQueueDepth);

        stream.Release();
        appender.Join();
        writer.Flush();
        Assert.Null(failure);
        Assert.True(appended);
        Assert.Equal(6, writer.RecordsWritten);
        Assert.Equal(RecordingFormat.FileHeaderLength + (6 * (RecordingFormat.RecordOverhead + 1)), stream.Written);
    }

    [Fact]
    public void The_queue_depth_counters_see_a_backlog()
    {
        var stream = new StallingStream();
        using var writer = RecordingWriter.Create("stalled", stream, RecordingWriter.DefaultQueueChunks);
        stream.Stall();
        writer.Append(RecordKind.Tick, [0]);
        stream.WriteStalled.Wait();
        writer.Append(RecordKind.Snapshot, new byte[1_000_000]);
        writer.Append(RecordKind.Tick, new byte[64]);
        stream.Release();
        writer.Flush();

        Assert.Equal(2, writer.MaxQueueDepth);
        Assert.Equal(1_000_064, writer.MaxQueuedBytes);
        Assert.Equal(3, writer.RecordsWritten);
    }

    [Fact]
    public void A_write_failure_is_thrown_by_the_next_Flush_and_every_Append_after_it()
    {
        var stream = new FailingStream(capacity: 1_000);
        var writer = RecordingWriter.Create("/data/full.twrec", stream, RecordingWriter.DefaultQueueChunks);
        writer.Append(RecordKind.Header, new byte[100]);
        writer.Flush();
        writer.Append(RecordKind.Snapshot, new byte[5_000]);

        var error = Assert.Throws<RecordingWriteException>(writer.Flush);
        Assert.Equal("/data/full.twrec", error.Path);
        Assert.Equal("writing the recording '/data/full.twrec' failed: No space left on device (1 record(s) were written before the failure; nothing appended since is written)", error.Message);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Throws<RecordingWriteException>(() => writer.Append(RecordKind.Tick, [1]));
        Assert.Throws<RecordingWriteException>(writer.Flush);
        writer.Dispose(); // already reported: closing does not throw it again
        Assert.Equal(1, writer.RecordsWritten);
    }

    [Fact]
    public void A_write_failure_is_thrown_by_Append_once_the_queue_backs_up()
    {
        var stream = new FailingStream(capacity: 100);
        using var writer = RecordingWriter.Create("full.twrec", stream, queueChunks: 2);

        // The first record fails on the writer thread; within a few more the queue is full, Append waits for
        // the writer, and the failure reaches the caller.
        var error = Assert.Throws<RecordingWriteException>(() =>
        {
            for (int i = 0; i < 1_000; i++)
            {
                writer.Append(RecordKind.Snapshot, new byte[500]);
            }
        });
        Assert.Contains(FailingStream.Failure, error.Message);
    }

    [Fact]
    public void A_write_failure_nobody_has_seen_is_thrown_by_Dispose()
    {
        var stream = new FailingStream(capacity: 100);
        var writer = RecordingWriter.Create("full.twrec", stream, RecordingWriter.DefaultQueueChunks);
        writer.Append(RecordKind.Snapshot, new byte[500]);

        var error = Assert.Throws<RecordingWriteException>(writer.Dispose);
        Assert.Contains(FailingStream.Failure, error.Message);
        writer.Dispose();
    }

    [Fact]
    public void A_recording_on_a_full_device_fails_at_once_with_a_clear_message()
    {
        Assert.True(File.Exists("/dev/full"), "these tests run on Linux, which has /dev/full");

        var error = Assert.Throws<IOException>(() => RecordingWriter.Create("/dev/full", overwrite: true));
        Assert.StartsWith("cannot start the recording '/dev/full': ", error.Message);
        Assert.Contains("No space left on device", error.Message);
    }

    private static byte[] ThreadPayload(int thread, int index, int length)
    {
        var payload = new byte[length];
        new Random((thread * 1_000_000) + index).NextBytes(payload);
        payload[0] = (byte)thread;
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(1), index);
        return payload;
    }
}
