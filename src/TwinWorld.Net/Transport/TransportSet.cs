namespace TwinWorld.Net.Transport;

/// <summary>
/// Several transports serviced as one (UDP and WebSockets), so every client goes through the same
/// server code whatever it connects with. Peers are renumbered, since each transport numbers its own from 1.
/// </summary>
public sealed class TransportSet(IReadOnlyList<INetTransport> transports) : INetTransport
{
    private readonly Dictionary<PeerId, (INetTransport Transport, PeerId Inner)> _outer = [];
    private readonly Dictionary<(INetTransport Transport, PeerId Inner), PeerId> _inner = [];
    private long _nextId;

    /// <summary>Takes an event from any transport without waiting, else waits on the first one (the others do not block).</summary>
    public bool TryService(int timeoutMs, out TransportEvent transportEvent)
    {
        for (int i = 0; i < transports.Count; i++)
        {
            if (transports[i].TryService(0, out var inner))
            {
                transportEvent = Outer(transports[i], inner);
                return true;
            }
        }
        if (timeoutMs > 0 && transports[0].TryService(timeoutMs, out var waited))
        {
            transportEvent = Outer(transports[0], waited);
            return true;
        }
        transportEvent = default;
        return false;
    }

    public bool Send(PeerId peer, NetChannel channel, ReadOnlySpan<byte> data)
        => _outer.TryGetValue(peer, out var route) && route.Transport.Send(route.Inner, channel, data);

    public void Disconnect(PeerId peer)
    {
        if (_outer.TryGetValue(peer, out var route))
        {
            route.Transport.Disconnect(route.Inner);
        }
    }

    public void Flush()
    {
        foreach (var transport in transports)
        {
            transport.Flush();
        }
    }

    public void Dispose()
    {
        foreach (var transport in transports)
        {
            transport.Dispose();
        }
    }

    private TransportEvent Outer(INetTransport transport, TransportEvent inner)
    {
        var key = (transport, inner.Peer);
        if (!_inner.TryGetValue(key, out var peer))
        {
            peer = new PeerId(++_nextId);
            _inner[key] = peer;
            _outer[peer] = key;
        }
        if (inner.Kind == TransportEventKind.Disconnected)
        {
            _inner.Remove(key);
            _outer.Remove(peer);
        }
        return inner with { Peer = peer };
    }
}
