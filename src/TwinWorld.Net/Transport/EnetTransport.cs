using System.Net;
using TwinWorld.Net.Enet;

namespace TwinWorld.Net.Transport;

/// <summary>
/// <see cref="INetTransport"/> over an ENet host: a server listening on a port, or a client with one
/// connection. Peers that stop answering time out after 5 to 15 s. The socket's receive and send buffers
/// are raised (ENet's default is 256 KiB), so bursts of state and frames to many clients are not dropped
/// by the kernel; Linux caps them at net.core.rmem_max / wmem_max.
/// </summary>
public sealed class EnetTransport : INetTransport
{
    public const int ChannelCount = 3;

    private const uint TimeoutLimit = 32, TimeoutMinimumMs = 5000, TimeoutMaximumMs = 15000;
    private static readonly Lock InitGate = new();
    private static bool _initialized;

    private readonly Dictionary<nint, PeerId> _ids = [];
    private readonly Dictionary<PeerId, nint> _peers = [];
    private nint _host;
    private long _nextId;

    private EnetTransport(nint host, int socketBufferBytes)
    {
        _host = host;
        int socket = EnetNative.HostSocket(host);
        EnetNative.SocketSetOption(socket, EnetNative.SocketOptionReceiveBuffer, socketBufferBytes);
        EnetNative.SocketSetOption(socket, EnetNative.SocketOptionSendBuffer, socketBufferBytes);
    }

    /// <summary>The linked ENet library's version, such as "1.3.17".</summary>
    public static string LibraryVersion
    {
        get
        {
            EnsureInitialized();
            return EnetNative.VersionText(EnetNative.LinkedVersion());
        }
    }

    /// <summary>A server host bound to an IPv4 address and port (0: any free port; see <see cref="BoundPort"/>).</summary>
    public static EnetTransport Listen(IPAddress address, int port, int maxPeers, int socketBufferBytes = 8 << 20)
    {
        EnsureInitialized();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"ENet 1.3 listens on IPv4 only (got {address}).", nameof(address));
        }
        var enetAddress = new EnetAddress { Host = BitConverter.ToUInt32(address.GetAddressBytes()), Port = checked((ushort)port) };
        nint host = EnetNative.HostCreate(enetAddress, (nuint)maxPeers, ChannelCount, 0, 0);
        if (host == 0)
        {
            throw new IOException($"ENet could not listen on {address}:{port} (is the port in use?).");
        }
        return new EnetTransport(host, socketBufferBytes);
    }

    /// <summary>A client host connecting to a server; a Connected event follows, or a Disconnected one if it fails.</summary>
    public static EnetTransport Connect(string host, int port, int socketBufferBytes = 4 << 20)
    {
        EnsureInitialized();
        var address = new EnetAddress { Port = checked((ushort)port) };
        if (EnetNative.AddressSetHostIp(ref address, host) != 0)
        {
            throw new ArgumentException($"'{host}' is not an IPv4 address.", nameof(host));
        }
        nint handle = EnetNative.HostCreateClient(0, 1, ChannelCount, 0, 0);
        if (handle == 0)
        {
            throw new IOException("ENet could not create a client host.");
        }
        var transport = new EnetTransport(handle, socketBufferBytes);
        nint peer = EnetNative.HostConnect(handle, address, ChannelCount, 0);
        if (peer == 0)
        {
            transport.Dispose();
            throw new IOException($"ENet could not start connecting to {host}:{port}.");
        }
        transport.Track(peer);
        return transport;
    }

    /// <summary>The port the host is bound to (ENet 1.3 reads it back from the socket).</summary>
    public int BoundPort => (ushort)System.Runtime.InteropServices.Marshal.ReadInt16(_host, 8);

    public bool TryService(int timeoutMs, out TransportEvent transportEvent)
    {
        ObjectDisposedException.ThrowIf(_host == 0, this);
        transportEvent = default;
        int result = EnetNative.HostService(_host, out var e, (uint)Math.Max(0, timeoutMs));
        if (result <= 0)
        {
            return false;
        }
        switch (e.Type)
        {
            case EnetEvent.Connect:
                // A client's own connection was numbered when it started connecting.
                var id = _ids.TryGetValue(e.Peer, out var known) ? known : Track(e.Peer);
                EnetNative.PeerTimeout(e.Peer, TimeoutLimit, TimeoutMinimumMs, TimeoutMaximumMs);
                transportEvent = new TransportEvent(TransportEventKind.Connected, id, NetChannel.Control, []);
                return true;
            case EnetEvent.Disconnect:
                if (_ids.Remove(e.Peer, out var gone))
                {
                    _peers.Remove(gone);
                    transportEvent = new TransportEvent(TransportEventKind.Disconnected, gone, NetChannel.Control, []);
                    return true;
                }
                return false;
            case EnetEvent.Receive:
                byte[] data = Copy(e.Packet);
                EnetNative.PacketDestroy(e.Packet);
                if (!_ids.TryGetValue(e.Peer, out var from))
                {
                    return false;
                }
                transportEvent = new TransportEvent(TransportEventKind.Received, from, (NetChannel)e.ChannelId, data);
                return true;
            default:
                return false;
        }
    }

    public unsafe bool Send(PeerId peer, NetChannel channel, ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_host == 0, this);
        if (!_peers.TryGetValue(peer, out nint handle))
        {
            return false;
        }
        uint flags = channel == NetChannel.Control ? EnetPacket.Reliable : EnetPacket.UnreliableFragment;
        nint packet;
        fixed (byte* bytes = data)
        {
            packet = EnetNative.PacketCreate(bytes, (nuint)data.Length, flags);
        }
        if (packet == 0)
        {
            return false;
        }
        if (EnetNative.PeerSend(handle, (byte)channel, packet) < 0)
        {
            EnetNative.PacketDestroy(packet); // ENet owns a packet only once it is queued
            return false;
        }
        return true;
    }

    public void Disconnect(PeerId peer)
    {
        if (_peers.TryGetValue(peer, out nint handle))
        {
            EnetNative.PeerDisconnectLater(handle, 0);
        }
    }

    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_host == 0, this);
        EnetNative.HostFlush(_host);
    }

    public void Dispose()
    {
        if (_host != 0)
        {
            EnetNative.HostDestroy(_host);
            _host = 0;
            _ids.Clear();
            _peers.Clear();
        }
    }

    private static void EnsureInitialized()
    {
        lock (InitGate)
        {
            if (!_initialized)
            {
                if (EnetNative.Initialize() != 0)
                {
                    throw new IOException("enet_initialize failed.");
                }
                // Deliberately never deinitialised: hosts may live until the process ends.
                _initialized = true;
            }
        }
    }

    private PeerId Track(nint peer)
    {
        var id = new PeerId(++_nextId);
        _ids[peer] = id;
        _peers[id] = peer;
        return id;
    }

    private static unsafe byte[] Copy(nint packet)
    {
        ref var head = ref *(EnetPacket*)packet;
        return new ReadOnlySpan<byte>((void*)head.Data, checked((int)head.DataLength)).ToArray();
    }
}
