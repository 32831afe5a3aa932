using System.Net;
using LiteNetLib;
using LiteNetLib.Utils;

namespace TwinWorld.Protocol.Wire;

/// <summary>
/// What both ends of a UDP connection (LiteNetLib) agree on, defined here once for the server's transport and
/// the client: the key a connection request carries, the largest reliable message, and how each channel
/// travels (<see cref="WireLink"/> does the sending and reading).
/// </summary>
public static class UdpWire
{
    /// <summary>What a connection request must carry: the protocol and its version, so strangers and old clients are refused at once.</summary>
    public static readonly string Key = $"twinworld/{ProtocolVersion.Current}";

    /// <summary>The largest control message or frame sent or taken in (LiteNetLib holds a reliable message's fragments until it is whole).</summary>
    public const int MaxReliableBytes = 4 << 20;

    /// <summary>
    /// A LiteNetLib manager set up as both ends run it: in manual mode (the caller's thread polls and updates it,
    /// so nothing waits on LiteNetLib's 15 ms cadence), taking in reliable messages up to <see cref="MaxReliableBytes"/>.
    /// </summary>
    public static LiteNetManager Manager(ILiteNetEventListener listener, TimeSpan disconnectTimeout) => new(listener)
    {
        DisconnectTimeout = (int)disconnectTimeout.TotalMilliseconds,
        // Bounds a reliable message both ways (LiteNetLib's fragments carry at least 1,000 bytes each).
        MaxFragmentsCount = MaxReliableBytes / 1000,
        // Drain the socket in big bites: a 40 KB frame is 40 datagrams, and the kernel drops what overflows its buffer.
        MaxPacketPerManualReceive = 4096,
        AutoRecycle = true,
    };

    /// <summary>
    /// Starts <paramref name="manager"/> as a client on a free port and asks a server, by IPv4 or IPv6 address or
    /// by name, for a connection with the key; LiteNetLib reports the outcome (connected, or disconnected with
    /// the server's reason). Throws <see cref="ArgumentException"/> for a name with no address, <see cref="IOException"/> without a socket.
    /// </summary>
    public static LiteNetPeer Connect(LiteNetManager manager, string host, int port)
    {
        var address = IPAddress.TryParse(host, out var parsed) ? parsed
            : Dns.GetHostAddresses(host).FirstOrDefault() ?? throw new ArgumentException($"'{host}' has no address.", nameof(host));
        if (!manager.StartInManualMode(0))
        {
            throw new IOException("Could not open a UDP socket for the client.");
        }
        return manager.Connect(new IPEndPoint(address, port), KeyAsSent());
    }

    /// <summary>The key as a connection request carries it (LiteNetLib's string: a length, then UTF-8).</summary>
    public static byte[] KeyAsSent()
    {
        var writer = new NetDataWriter();
        writer.Put(Key);
        return writer.CopyData();
    }

    /// <summary>
    /// Control: reliable and ordered. State: unreliable, in sequenced chunks (<see cref="Chunk"/>; LiteNetLib
    /// fragments only reliable messages). Frames: reliable and unordered, a LiteNetLib channel apart from the
    /// other two, so frames never hold them up.
    /// </summary>
    public static DeliveryMethod DeliveryOf(NetChannel channel) => channel switch
    {
        NetChannel.Control => DeliveryMethod.ReliableOrdered,
        NetChannel.Frames => DeliveryMethod.ReliableUnordered,
        _ => DeliveryMethod.Unreliable,
    };
}
