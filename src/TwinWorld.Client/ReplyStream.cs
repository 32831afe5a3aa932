using System.Collections.Concurrent;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Client;

/// <summary>
/// The replies to one streaming request (a forecast), written by the thread that polls the connection and read
/// by the caller's await. A queue and a count, rather than System.Threading.Channels: netstandard2.1 lacks it,
/// and the client depends on Protocol and LiteNetLib only. Never disposed: the
/// polling thread may still write to a stream its reader has left (SemaphoreSlim holds nothing to free without a wait handle).
/// </summary>
internal sealed class ReplyStream
{
    private readonly ConcurrentQueue<Envelope> _replies = new();
    private readonly SemaphoreSlim _count = new(0);

    public void Write(Envelope reply)
    {
        _replies.Enqueue(reply);
        _count.Release();
    }

    /// <summary>The next reply, or null if none came within <paramref name="timeout"/>.</summary>
    public async Task<Envelope?> ReadAsync(TimeSpan timeout, CancellationToken cancel)
        => await _count.WaitAsync(timeout, cancel).ConfigureAwait(false) && _replies.TryDequeue(out var reply) ? reply : null;
}
