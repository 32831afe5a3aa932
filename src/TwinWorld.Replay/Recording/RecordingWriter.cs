using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Threading.Channels;

namespace TwinWorld.Replay.Recording;

/// <summary>
/// Appends records to a recording file (layout in <see cref="RecordingFormat"/>) without doing file I/O on the
/// caller's thread: <see cref="Append"/> copies the payload into pooled buffers and queues it; a dedicated thread
/// writes the records in order, computes their checksums and hands them to the operating system as soon as it has
/// caught up, so a killed process loses at most what was still queued. <see cref="Flush"/> and <see cref="Dispose"/>
/// also fsync. A write failure is kept and thrown by the next <see cref="Append"/>, <see cref="Flush"/> or
/// <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// The queue is a bounded channel of chunks of at most <see cref="ChunkLength"/> bytes, <see cref="DefaultQueueChunks"/>
/// of them: at most 64 MiB of payload waits in memory (or 1,024 small records, about 50 s of 20 Hz ticks). A snapshot
/// takes one chunk per 64 KiB. When the queue is full, <see cref="Append"/> waits for the writer: memory stays bounded
/// however slow the disk, and a recording never silently drops a record. Appends from several threads are
/// serialised, each record queued whole and in call order.
/// </remarks>
public sealed class RecordingWriter : IDisposable
{
    /// <summary>The largest piece a payload is queued in.</summary>
    public const int ChunkLength = 64 * 1024;

    /// <summary>How many chunks the queue holds before <see cref="Append"/> waits.</summary>
    public const int DefaultQueueChunks = 1024;

    private const int OutputBufferLength = 64 * 1024;

    private readonly Stream _stream;
    private readonly Channel<Pending> _queue;
    private readonly ArrayPool<byte> _buffers;
    private readonly Lock _appendLock = new();
    private readonly Thread _thread;

    // Written by the writer thread only.
    private readonly byte[] _output = new byte[OutputBufferLength];
    private int _outputCount;
    private long _unpublishedRecords;
    private long _unpublishedBytes;
    private int _recordRemaining;
    private int _recordLength;
    private uint _recordCrc;
    private TaskCompletionSource? _flushing;

    private long _recordsWritten;
    private long _bytesWritten;
    private long _queuedRecords;
    private long _queuedBytes;
    private long _maxQueueDepth;
    private long _maxQueuedBytes;

    private volatile Exception? _failure;
    private string _failureMessage = "";
    private bool _failureReported;
    private bool _disposed;

    private RecordingWriter(string path, Stream stream, int queueChunks)
    {
        Path = path;
        _stream = stream;
        Span<byte> header = stackalloc byte[RecordingFormat.FileHeaderLength];
        RecordingFormat.WriteFileHeader(header);
        stream.Write(header);
        stream.Flush();
        _bytesWritten = header.Length;
        // Our own pool, as deep as the queue: a backlog of snapshots reuses chunks instead of allocating on the
        // tick thread, and what it keeps (never more than the queue held at its fullest) goes with the writer.
        _buffers = ArrayPool<byte>.Create(ChunkLength, queueChunks);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(queueChunks)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            // Wake-ups run on the thread that frees or fills the queue, not on the thread pool, which the
            // blocking waits below would otherwise depend on.
            AllowSynchronousContinuations = true,
        });
        _thread = new Thread(Run) { Name = "recording writer", IsBackground = true };
        _thread.Start();
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>Records handed to the operating system so far.</summary>
    public long RecordsWritten => Interlocked.Read(ref _recordsWritten);

    /// <summary>File bytes handed to the operating system so far, the 12-byte file header included.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>The most records ever waiting in the queue at once (appended, not yet written).</summary>
    public long MaxQueueDepth => Interlocked.Read(ref _maxQueueDepth);

    /// <summary>The most payload bytes ever waiting in the queue at once.</summary>
    public long MaxQueuedBytes => Interlocked.Read(ref _maxQueuedBytes);

    /// <summary>
    /// Creates a recording at <paramref name="path"/> (and its folder), writes the file header and starts the
    /// writer thread. Refuses an existing file unless <paramref name="overwrite"/> is set. Does file I/O: call it
    /// before the run, not on the tick.
    /// </summary>
    public static RecordingWriter Create(string path, bool overwrite = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!overwrite && File.Exists(fullPath))
        {
            throw new IOException($"the recording '{fullPath}' already exists; choose another name or ask to overwrite it");
        }
        string? folder = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        // No FileStream buffer: the writer thread batches into its own buffer, so that closing after a failure
        // never retries a write behind our back. Readers may open the file while it is being written.
        var stream = new FileStream(fullPath, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        try
        {
            return new RecordingWriter(fullPath, stream, DefaultQueueChunks);
        }
        catch (Exception e)
        {
            stream.Dispose();
            if (e is IOException)
            {
                throw new IOException($"cannot start the recording '{fullPath}': {e.Message}", e);
            }
            throw;
        }
    }

    /// <summary>A writer over any stream, with a chosen queue size: for tests that make the disk fail or stall.</summary>
    internal static RecordingWriter Create(string name, Stream stream, int queueChunks) => new(name, stream, queueChunks);

    /// <summary>
    /// Queues a record. Copies <paramref name="payload"/>, so the caller may reuse it at once; waits only while
    /// the queue is full. Throws <see cref="RecordingWriteException"/> if writing has failed.
    /// </summary>
    public void Append(RecordKind kind, ReadOnlySpan<byte> payload)
    {
        if (!RecordingFormat.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a record kind of this recording format");
        }
        if (payload.Length > RecordingFormat.MaxPayloadLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"a record payload may be at most {RecordingFormat.MaxPayloadLength:N0} bytes; this one has {payload.Length:N0}"),
                nameof(payload));
        }
        lock (_appendLock)
        {
            ThrowIfClosedOrFailed();
            NoteQueued(payload.Length);
            int offset = 0;
            do
            {
                int count = Math.Min(ChunkLength, payload.Length - offset);
                byte[]? buffer = null;
                if (count > 0)
                {
                    buffer = _buffers.Rent(count);
                    payload.Slice(offset, count).CopyTo(buffer);
                }
                Enqueue(new Pending(buffer, count, payload.Length, offset == 0 ? kind : 0, null));
                offset += count;
            }
            while (offset < payload.Length);
        }
    }

    /// <summary>Blocks until every record appended before this call is written and fsync'ed.</summary>
    public void Flush()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_appendLock)
        {
            ThrowIfClosedOrFailed();
            Enqueue(new Pending(null, 0, 0, 0, done));
        }
        done.Task.Wait();
        lock (_appendLock)
        {
            ThrowIfFailed();
        }
    }

    /// <summary>
    /// Writes everything queued, fsyncs and closes the file; adds no record of its own. Throws
    /// <see cref="RecordingWriteException"/> if writing failed and no earlier call has reported it.
    /// </summary>
    public void Dispose()
    {
        lock (_appendLock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _queue.Writer.Complete();
        }
        _thread.Join();
        _stream.Dispose();
        lock (_appendLock)
        {
            if (!_failureReported)
            {
                ThrowIfFailed();
            }
        }
    }

    private void ThrowIfClosedOrFailed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfFailed();
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } cause)
        {
            _failureReported = true;
            throw new RecordingWriteException(Path, _failureMessage, cause);
        }
    }

    private void NoteQueued(int payloadLength)
    {
        long records = Interlocked.Increment(ref _queuedRecords);
        long bytes = Interlocked.Add(ref _queuedBytes, payloadLength);
        // Appends are serialised by the lock and the writer only lowers these, so plain max updates suffice.
        if (records > _maxQueueDepth)
        {
            Interlocked.Exchange(ref _maxQueueDepth, records);
        }
        if (bytes > _maxQueuedBytes)
        {
            Interlocked.Exchange(ref _maxQueuedBytes, bytes);
        }
    }

    /// <summary>Queues one item, waiting while the queue is full. Called under the append lock, so records stay whole.</summary>
    private void Enqueue(Pending item)
    {
        var writer = _queue.Writer;
        while (!writer.TryWrite(item))
        {
            // The writer thread never stops reading, even after a failure, so this wait always ends.
            writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
            ThrowIfFailed();
        }
    }

    private void Run()
    {
        var reader = _queue.Reader;
        try
        {
            while (true)
            {
                while (reader.TryRead(out var item))
                {
                    Write(item);
                }
                // Caught up: hand everything to the OS before sleeping, so a killed process keeps it.
                HandToOs();
                if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    break;
                }
            }
            SyncToDisk();
        }
        catch (Exception e)
        {
            // Kept for the caller's next call; this thread must never let an exception escape (it would end the process).
            _failureMessage = string.Create(CultureInfo.InvariantCulture,
                $"writing the recording '{Path}' failed: {e.Message} ({RecordsWritten:N0} record(s) were written before the failure; nothing appended since is written)");
            _failure = e;
            // A flush that failed midway was taken off the queue already: release its caller too, after the failure is set.
            _flushing?.TrySetResult();
            DiscardAfterFailure(reader);
        }
    }

    private void Write(in Pending item)
    {
        if (item.Flushed is { } flushed)
        {
            _flushing = flushed;
            HandToOs();
            SyncToDisk();
            _flushing = null;
            flushed.TrySetResult();
            return;
        }
        if (item.Kind != 0)
        {
            if (_recordRemaining != 0)
            {
                throw new InvalidOperationException("a record was queued inside another (a bug in RecordingWriter)");
            }
            Span<byte> header = stackalloc byte[RecordingFormat.RecordHeaderLength];
            RecordingFormat.WriteRecordHeader(header, item.RecordLength, item.Kind);
            Put(header);
            _recordCrc = Crc32C.Append(0, header[^1..]);
            _recordLength = item.RecordLength;
            _recordRemaining = item.RecordLength;
        }
        else if (_recordRemaining == 0)
        {
            throw new InvalidOperationException("a payload chunk was queued outside a record (a bug in RecordingWriter)");
        }
        if (item.Buffer is { } buffer)
        {
            var chunk = buffer.AsSpan(0, item.Count);
            Put(chunk);
            _recordCrc = Crc32C.Append(_recordCrc, chunk);
            _buffers.Return(buffer);
            _recordRemaining -= item.Count;
            Interlocked.Add(ref _queuedBytes, -item.Count);
        }
        if (_recordRemaining == 0)
        {
            Span<byte> crc = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(crc, _recordCrc);
            Put(crc);
            _unpublishedRecords++;
            _unpublishedBytes += RecordingFormat.RecordOverhead + _recordLength;
            Interlocked.Decrement(ref _queuedRecords);
        }
    }

    /// <summary>Adds bytes to the output buffer; big pieces go straight to the stream after what is buffered.</summary>
    private void Put(ReadOnlySpan<byte> bytes)
    {
        if (_outputCount + bytes.Length > _output.Length)
        {
            WriteOutput();
        }
        if (bytes.Length >= _output.Length)
        {
            _stream.Write(bytes);
            return;
        }
        bytes.CopyTo(_output.AsSpan(_outputCount));
        _outputCount += bytes.Length;
    }

    private void WriteOutput()
    {
        if (_outputCount > 0)
        {
            _stream.Write(_output, 0, _outputCount);
            _outputCount = 0;
        }
    }

    /// <summary>Writes out the buffer (a write(2) for a file) and publishes the counters of the records now with the OS.</summary>
    private void HandToOs()
    {
        WriteOutput();
        _stream.Flush();
        Interlocked.Add(ref _recordsWritten, _unpublishedRecords);
        Interlocked.Add(ref _bytesWritten, _unpublishedBytes);
        _unpublishedRecords = 0;
        _unpublishedBytes = 0;
    }

    /// <summary>fsync for a file; a plain flush for the streams tests hand in.</summary>
    private void SyncToDisk()
    {
        if (_stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            _stream.Flush();
        }
    }

    /// <summary>After a failure: keep emptying the queue so that no appender waits forever, and release flush waiters.</summary>
    private void DiscardAfterFailure(ChannelReader<Pending> reader)
    {
        while (true)
        {
            while (reader.TryRead(out var item))
            {
                item.Flushed?.TrySetResult();
                if (item.Buffer is { } buffer)
                {
                    _buffers.Return(buffer);
                }
            }
            if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                return;
            }
        }
    }

    /// <summary>
    /// One queue item: a piece of a record's payload (the first piece carries the record's kind and length), or,
    /// with <paramref name="Flushed"/>, a flush request.
    /// </summary>
    private readonly record struct Pending(byte[]? Buffer, int Count, int RecordLength, RecordKind Kind, TaskCompletionSource? Flushed);
}
