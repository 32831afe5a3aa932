using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LiteNetLib;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Net.Transport.Udp;

/// <summary>
/// <see cref="INetTransport"/> over LiteNetLib: a server listening on IPv4 and IPv6 at one port, or a
/// client with one connection. LiteNetLib runs in manual mode, with no thread or timer of its own: the
/// network thread receives, updates and sends through <see cref="TryService"/> and <see cref="Flush"/>,
/// so nothing waits on LiteNetLib's 15 ms update cadence.
/// <para>
/// The channels travel as <see cref="UdpWire"/> defines and <see cref="WireLink"/> writes and reads them, as
/// the client's do. Frames' newest wins at the sender: while one is still queued, the next is refused
/// (<see cref="Send"/> returns false) and the caller offers its newest again later. Measured against chunked
/// frames, this delivers far more of them under loss (tools/bench/RESULTS.md). A connection request must
/// carry the protocol key (<see cref="UdpWire.Key"/>) and come from an address within its request rate, or
/// it is refused before a peer exists.
/// </para>
/// </summary>
public sealed class UdpTransport : INetTransport, ILiteNetEventListener
{
    /// <summary>
    /// The key as a connection request carries it (LiteNetLib's string: a length, then UTF-8), compared byte
    /// for byte: nothing in a stranger's request is parsed, so no request can make the check fail or throw.
    /// </summary>
    private static readonly byte[] KeyBytes = UdpWire.KeyAsSent();

    /// <summary>What a refused request is told (its key was wrong); short, so the answer is no larger than the request.</summary>
    private static readonly byte[] WrongKeyReply = System.Text.Encoding.UTF8.GetBytes($"key: {UdpWire.Key}");

    private readonly LiteNetManager _manager;
    private readonly UdpOptions _options;
    private readonly AddressRateLimits? _requests;
    private readonly ConnectionCounts _counts;
    private readonly Queue<TransportEvent> _events = new();
    private readonly Dictionary<PeerId, Link> _links = [];
    private readonly List<Link> _closing = [];
    private readonly long _disconnectTicks;
    private readonly WireBuffer _buffer = new();
    private long _lastUpdate = Stopwatch.GetTimestamp();
    private long _nextId;
    private bool _disposed;

    private UdpTransport(UdpOptions options, bool listening, ConnectionCounts? counts)
    {
        _options = options;
        _counts = counts ?? new ConnectionCounts();
        _requests = listening ? new AddressRateLimits(options.RequestsPerSecondPerAddress, options.RequestBurstPerAddress) : null;
        _disconnectTicks = (long)(options.DisconnectTimeout.TotalSeconds * Stopwatch.Frequency);
        _manager = UdpWire.Manager(this, options.DisconnectTimeout);
    }

    /// <summary>The LiteNetLib assembly's version, such as "2.1.5".</summary>
    public static string LibraryVersion => typeof(LiteNetManager).Assembly.GetName().Version?.ToString(3) ?? "?";

    /// <summary>The port both sockets are bound to (the one asked for, or the free one taken for 0).</summary>
    public int BoundPort => _manager.LocalPort;

    /// <summary>Requests refused and peers timed out so far (the server's own refusals are added to the same counts).</summary>
    public ConnectionCounts Counts => _counts;

    /// <summary>
    /// A server on <paramref name="ipv4"/> and, unless it is null, <paramref name="ipv6"/>, at one port (0: any
    /// free one; see <see cref="BoundPort"/>). Throws <see cref="IOException"/> if the port cannot be had.
    /// </summary>
    public static UdpTransport Listen(IPAddress ipv4, IPAddress? ipv6, int port, UdpOptions? options = null, ConnectionCounts? counts = null)
    {
        if (ipv4.AddressFamily != AddressFamily.InterNetwork || ipv6 is { AddressFamily: not AddressFamily.InterNetworkV6 })
        {
            throw new ArgumentException($"Listening takes an IPv4 address and an IPv6 one or none (got {ipv4} and {ipv6}).");
        }
        var transport = new UdpTransport(options ?? new UdpOptions(), listening: true, counts);
        transport._manager.IPv6Enabled = ipv6 is not null;
        if (!transport._manager.StartInManualMode(ipv4, ipv6 ?? IPAddress.IPv6Any, port))
        {
            throw new IOException($"Could not listen on UDP port {port} at {ipv4}{(ipv6 is null ? "" : $" and {ipv6}")} (is the port in use?).");
        }
        return transport;
    }

    /// <summary>
    /// A client connecting to a server by IPv4 or IPv6 address, or by name; a Connected event follows, or a
    /// Disconnected one if it fails (its data: the server's reason, when it gave one).
    /// </summary>
    public static UdpTransport Connect(string host, int port, UdpOptions? options = null)
    {
        var transport = new UdpTransport(options ?? new UdpOptions(), listening: false, counts: null);
        var peer = UdpWire.Connect(transport._manager, host, port);
        transport.Track(peer);
        return transport;
    }

    public bool TryService(int timeoutMs, out TransportEvent transportEvent)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_events.Count == 0)
        {
            Pump();
        }
        // Manual mode has no socket wait to block on: look again every millisecond until the time is up.
        for (var waited = Stopwatch.StartNew(); _events.Count == 0 && waited.ElapsedMilliseconds < timeoutMs;)
        {
            Thread.Sleep(1);
            Pump();
        }
        return _events.TryDequeue(out transportEvent);
    }

    public bool Send(PeerId peer, NetChannel channel, ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_links.TryGetValue(peer, out var link))
        {
            return false;
        }
        try
        {
            return channel switch
            {
                // The delivery event tells a closing connection when its last control message (its refusal) arrived.
                NetChannel.Control => link.SendControl(data, _buffer),
                // The last frame is still queued: the caller keeps its newest for later.
                NetChannel.Frames when link.Peer.GetPacketsCountInReliableQueue(ordered: false) > 0 => false,
                _ => link.Wire.Send(channel, data, _buffer),
            };
        }
        catch (TooBigPacketException)
        {
            return false;
        }
    }

    /// <summary>Disconnects once every control message sent to the peer is delivered (a refusal's error first), or after the disconnect timeout.</summary>
    public void Disconnect(PeerId peer)
    {
        if (!_links.TryGetValue(peer, out var link) || link.ClosingSince != 0)
        {
            return;
        }
        link.ClosingSince = Stopwatch.GetTimestamp();
        _closing.Add(link);
        CloseIfDelivered(link);
    }

    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Update();
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _manager.Stop(sendDisconnectMessages: true);
            _links.Clear();
            _events.Clear();
        }
    }

    void ILiteNetEventListener.OnConnectionRequest(LiteConnectionRequest request)
    {
        if (_requests is null)
        {
            request.RejectForce(); // a client accepts no one
        }
        else if (!_requests.TryTake(request.RemoteEndPoint.Address, Stopwatch.GetTimestamp()))
        {
            _counts.AddRateLimited();
            request.RejectForce(); // unanswered: a spoofed flood gets nothing back to reflect
        }
        else if (!request.Data.GetRemainingBytesSpan().SequenceEqual(KeyBytes))
        {
            _counts.AddWrongKey();
            request.RejectForce(WrongKeyReply);
        }
        else
        {
            request.Accept();
        }
    }

    void ILiteNetEventListener.OnPeerConnected(LiteNetPeer peer)
    {
        // A client's own connection was numbered when it started connecting.
        var link = peer.Tag as Link ?? Track(peer);
        _events.Enqueue(new TransportEvent(TransportEventKind.Connected, link.Id, NetChannel.Control, []));
    }

    void ILiteNetEventListener.OnPeerDisconnected(LiteNetPeer peer, DisconnectInfo info)
    {
        if (peer.Tag is not Link link || !_links.Remove(link.Id))
        {
            return;
        }
        _closing.Remove(link);
        if (info.Reason == DisconnectReason.Timeout)
        {
            _counts.AddPeerTimedOut();
        }
        byte[] reason = info.Reason == DisconnectReason.ConnectionRejected ? info.AdditionalData?.GetRemainingBytes() ?? [] : [];
        _events.Enqueue(new TransportEvent(TransportEventKind.Disconnected, link.Id, NetChannel.Control, reason));
    }

    void ILiteNetEventListener.OnNetworkReceive(LiteNetPeer peer, NetPacketReader reader, DeliveryMethod deliveryMethod)
    {
        if (peer.Tag is not Link link)
        {
            return;
        }
        if (link.Wire.TryRead(reader.GetRemainingBytesSpan(), deliveryMethod, out var channel, out byte[] message))
        {
            _events.Enqueue(new TransportEvent(TransportEventKind.Received, link.Id, channel, message));
        }
    }

    void ILiteNetEventListener.OnMessageDelivered(LiteNetPeer peer, object userData)
    {
        if (userData is Link link)
        {
            link.OnDelivered();
            CloseIfDelivered(link);
        }
    }

    void ILiteNetEventListener.OnNetworkError(IPEndPoint endPoint, SocketError socketError)
    {
        // A send to a vanished peer (ICMP unreachable) and the like: the peer times out if it is gone.
    }

    void ILiteNetEventListener.OnNetworkReceiveUnconnected(IPEndPoint remoteEndPoint, NetPacketReader reader, UnconnectedMessageType messageType)
    {
        // Unconnected messages are off (LiteNetLib's default); nothing arrives here.
    }

    void ILiteNetEventListener.OnNetworkLatencyUpdate(LiteNetPeer peer, int latency)
    {
    }

    void ILiteNetEventListener.OnPeerAddressChanged(LiteNetPeer peer, IPEndPoint previousAddress)
    {
        // Address changes are off (LiteNetLib's default): a client that moves reconnects.
    }

    /// <summary>Receives what the sockets hold, then updates every peer: resends, pings, timeouts, and sends what is queued.</summary>
    private void Pump()
    {
        _manager.PollEvents();
        Update();
    }

    private void Update()
    {
        long now = Stopwatch.GetTimestamp();
        _manager.ManualUpdate((float)((now - _lastUpdate) * 1000.0 / Stopwatch.Frequency));
        _lastUpdate = now;
        for (int i = _closing.Count - 1; i >= 0; i--)
        {
            if (now - _closing[i].ClosingSince > _disconnectTicks)
            {
                _manager.DisconnectPeer(_closing[i].Peer); // its refusal never arrived: close anyway
            }
        }
    }

    private void CloseIfDelivered(Link link)
    {
        if (link.ClosingSince != 0 && link.Undelivered <= 0)
        {
            _manager.DisconnectPeer(link.Peer);
        }
    }

    private Link Track(LiteNetPeer peer)
    {
        var link = new Link(new PeerId(++_nextId), new WireLink(peer, _options.MaxMessageBytes));
        peer.Tag = link;
        _links[link.Id] = link;
        return link;
    }

    /// <summary>One connection: its number, its wire (LiteNetLib's peer, State's sequence and assembly), and whether it is closing.</summary>
    private sealed class Link(PeerId id, WireLink wire)
    {
        public PeerId Id { get; } = id;

        public WireLink Wire { get; } = wire;

        public LiteNetPeer Peer => Wire.Peer;

        /// <summary>Control messages sent and not yet acknowledged.</summary>
        public int Undelivered { get; private set; }

        /// <summary>When <see cref="Disconnect"/> was asked for; 0 while open.</summary>
        public long ClosingSince { get; set; }

        /// <summary>Sends a control message with a delivery event (<see cref="OnDelivered"/>).</summary>
        public bool SendControl(ReadOnlySpan<byte> data, WireBuffer buffer)
        {
            Wire.Send(NetChannel.Control, data, buffer, delivered: this);
            Undelivered++;
            return true;
        }

        public void OnDelivered() => Undelivered--;
    }
}
