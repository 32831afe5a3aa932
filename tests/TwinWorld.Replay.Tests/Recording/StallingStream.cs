namespace TwinWorld.Replay.Tests.Recording;

/// <summary>
/// A write-only stream that, once stalled, holds every write until released: a disk that stops answering.
/// Writes go on to <paramref name="inner"/> when there is one.
/// </summary>
internal sealed class StallingStream(Stream? inner = null) : Stream
{
    private readonly ManualResetEventSlim _released = new(initialState: true);

    /// <summary>Set when a write has begun while the stream is stalled.</summary>
    public ManualResetEventSlim WriteStalled { get; } = new();

    public long Written { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written;
    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public void Stall() => _released.Reset();

    public void Release() => _released.Set();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_released.IsSet)
        {
            WriteStalled.Set();
            _released.Wait();
        }
        inner?.Write(buffer);
        Written += buffer.Length;
    }

    public override void Flush() => inner?.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _released.Dispose();
            WriteStalled.Dispose();
            inner?.Dispose();
        }
        base.Dispose(disposing);
    }
}
