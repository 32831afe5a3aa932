using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LiteNetLib;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Client.Connection;

/// <summary>
/// The client's one UDP connection to a server: LiteNetLib in manual mode, with no thread or timer of its own,
/// written and read as the server's transport does (<see cref="UdpWire"/>, <see cref="WireLink"/>). The thread
/// that polls it (a game loop's, or the client's own) makes every call.
/// </summary>
internal sealed class ServerConnection : ILiteNetEventListener, IDisposable
{
    /// <summary>A server silent this long (not even LiteNetLib's once-a-second ping) is gone.</summary>
    private static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(5);

    private readonly IServerListener _listener;
    private readonly LiteNetManager _manager;
    private readonly WireLink _link;
    private readonly WireBuffer _buffer = new();
    private long _lastUpdate = Stopwatch.GetTimestamp();

    /// <summary>Starts connecting; the listener hears <see cref="IServerListener.Connected"/> or <see cref="IServerListener.Closed"/> from a later <see cref="Receive"/>.</summary>
    public ServerConnection(string host, int port, IServerListener listener)
    {
        _listener = listener;
        _manager = UdpWire.Manager(this, SilenceLimit);
        try
        {
            _link = new WireLink(UdpWire.Connect(_manager, host, port), UdpWire.MaxReliableBytes);
        }
        catch
        {
            _manager.Stop();
            throw;
        }
    }

    public bool IsConnected { get; private set; }

    /// <summary>Takes in what the socket holds and reports it to the listener.</summary>
    public void Receive() => _manager.PollEvents();

    /// <summary>Queues a message; false if it cannot go (not connected yet, or too big for the wire).</summary>
    public bool Send(NetChannel channel, ReadOnlySpan<byte> message)
    {
        try
        {
            return IsConnected && _link.Send(channel, message, _buffer);
        }
        catch (TooBigPacketException)
        {
            return false;
        }
    }

    /// <summary>Sends what is queued, resends what is unacknowledged, pings and times out.</summary>
    public void Flush()
    {
        long now = Stopwatch.GetTimestamp();
        _manager.ManualUpdate((float)((now - _lastUpdate) * 1000.0 / Stopwatch.Frequency));
        _lastUpdate = now;
    }

    /// <summary>Says goodbye to the server (LiteNetLib's disconnect message) and closes the socket.</summary>
    public void Dispose() => _manager.Stop(sendDisconnectMessages: true);

    void ILiteNetEventListener.OnConnectionRequest(LiteConnectionRequest request) => request.RejectForce(); // a client accepts no one

    void ILiteNetEventListener.OnPeerConnected(LiteNetPeer peer)
    {
        IsConnected = true;
        _listener.Connected();
    }

    void ILiteNetEventListener.OnPeerDisconnected(LiteNetPeer peer, DisconnectInfo info)
    {
        IsConnected = false;
        _listener.Closed(info.Reason == DisconnectReason.ConnectionRejected ? info.AdditionalData?.GetRemainingBytes() ?? [] : []);
    }

    void ILiteNetEventListener.OnNetworkReceive(LiteNetPeer peer, NetPacketReader reader, DeliveryMethod deliveryMethod)
    {
        if (_link.TryRead(reader.GetRemainingBytesSpan(), deliveryMethod, out var channel, out byte[] message))
        {
            _listener.Received(channel, message);
        }
    }

    void ILiteNetEventListener.OnMessageDelivered(LiteNetPeer peer, object userData)
    {
    }

    void ILiteNetEventListener.OnNetworkError(IPEndPoint endPoint, SocketError socketError)
    {
        // The server unreachable for a moment (ICMP) and the like: it times out if it is gone.
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
    }
}
