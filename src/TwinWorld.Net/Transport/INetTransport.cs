namespace TwinWorld.Net.Transport;

/// <summary>
/// A host of connections with three channels. Not thread-safe: one thread (the network thread) owns
/// it and makes every call.
/// </summary>
public interface INetTransport : IDisposable
{
    /// <summary>Sends queued packets and takes the next event, waiting up to <paramref name="timeoutMs"/> for one.</summary>
    bool TryService(int timeoutMs, out TransportEvent transportEvent);

    /// <summary>Queues a packet on a channel; false if the peer is gone or the transport refused it (a frame while the last one is still queued).</summary>
    bool Send(PeerId peer, NetChannel channel, ReadOnlySpan<byte> data);

    /// <summary>Closes a connection after what is queued for it is sent; a Disconnected event follows.</summary>
    void Disconnect(PeerId peer);

    /// <summary>Sends everything queued now.</summary>
    void Flush();
}
