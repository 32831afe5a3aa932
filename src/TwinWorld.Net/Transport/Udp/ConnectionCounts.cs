namespace TwinWorld.Net.Transport.Udp;

/// <summary>
/// Connections refused or timed out, by why: counted by the transport (a wrong key, a source address over
/// its request rate, a silent peer) and by the server (full, a not-yet-joined connection pushed out, no
/// Hello in time). Written on the network thread, read by metrics and /readyz from any thread.
/// </summary>
public sealed class ConnectionCounts
{
    private long _wrongKey, _rateLimited, _serverFull, _pushedOut, _helloTimedOut, _peerTimedOut;

    /// <summary>Connection requests without the protocol key ("twinworld/" and the protocol version), refused before a peer exists.</summary>
    public long WrongKey => Interlocked.Read(ref _wrongKey);

    /// <summary>Connection requests from a source address over its rate, refused before a peer exists.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Connections refused because every client slot was taken.</summary>
    public long ServerFull => Interlocked.Read(ref _serverFull);

    /// <summary>Connections closed before their Hello to make room for a newer one, the not-yet-joined budget being spent.</summary>
    public long PushedOut => Interlocked.Read(ref _pushedOut);

    /// <summary>Connections closed for sending no Hello in time.</summary>
    public long HelloTimedOut => Interlocked.Read(ref _helloTimedOut);

    /// <summary>Peers dropped for going silent (the transport's disconnect timeout).</summary>
    public long PeerTimedOut => Interlocked.Read(ref _peerTimedOut);

    /// <summary>The refusals that mean a flood: requests over their address's rate, and connections pushed out.</summary>
    public long FloodRefusals => RateLimited + PushedOut;

    internal void AddWrongKey() => Interlocked.Increment(ref _wrongKey);

    internal void AddRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void AddServerFull() => Interlocked.Increment(ref _serverFull);

    internal void AddPushedOut() => Interlocked.Increment(ref _pushedOut);

    internal void AddHelloTimedOut() => Interlocked.Increment(ref _helloTimedOut);

    internal void AddPeerTimedOut() => Interlocked.Increment(ref _peerTimedOut);
}
