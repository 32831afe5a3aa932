using System.Runtime.InteropServices;

namespace TwinWorld.Net.Enet;

/// <summary>
/// The few ENet 1.3.17 functions we call, from Debian's libenet7 by its versioned name (there is no
/// unversioned libenet.so without the -dev package). Pointers to ENet's own structures stay opaque.
/// </summary>
internal static partial class EnetNative
{
    private const string Library = "libenet.so.7";

    /// <summary><c>ENET_SOCKOPT_RCVBUF</c> and <c>ENET_SOCKOPT_SNDBUF</c>.</summary>
    public const int SocketOptionReceiveBuffer = 3, SocketOptionSendBuffer = 4;

    [LibraryImport(Library, EntryPoint = "enet_initialize")]
    public static partial int Initialize();

    [LibraryImport(Library, EntryPoint = "enet_linked_version")]
    public static partial uint LinkedVersion();

    [LibraryImport(Library, EntryPoint = "enet_host_create")]
    public static partial nint HostCreate(in EnetAddress address, nuint peerCount, nuint channelLimit, uint incomingBandwidth, uint outgoingBandwidth);

    [LibraryImport(Library, EntryPoint = "enet_host_create")]
    public static partial nint HostCreateClient(nint noAddress, nuint peerCount, nuint channelLimit, uint incomingBandwidth, uint outgoingBandwidth);

    [LibraryImport(Library, EntryPoint = "enet_host_destroy")]
    public static partial void HostDestroy(nint host);

    [LibraryImport(Library, EntryPoint = "enet_host_connect")]
    public static partial nint HostConnect(nint host, in EnetAddress address, nuint channelCount, uint data);

    [LibraryImport(Library, EntryPoint = "enet_host_service")]
    public static partial int HostService(nint host, out EnetEvent @event, uint timeoutMs);

    [LibraryImport(Library, EntryPoint = "enet_host_flush")]
    public static partial void HostFlush(nint host);

    [LibraryImport(Library, EntryPoint = "enet_packet_create")]
    public static unsafe partial nint PacketCreate(byte* data, nuint length, uint flags);

    [LibraryImport(Library, EntryPoint = "enet_packet_destroy")]
    public static partial void PacketDestroy(nint packet);

    [LibraryImport(Library, EntryPoint = "enet_peer_send")]
    public static partial int PeerSend(nint peer, byte channel, nint packet);

    [LibraryImport(Library, EntryPoint = "enet_peer_disconnect")]
    public static partial void PeerDisconnect(nint peer, uint data);

    [LibraryImport(Library, EntryPoint = "enet_peer_disconnect_later")]
    public static partial void PeerDisconnectLater(nint peer, uint data);

    [LibraryImport(Library, EntryPoint = "enet_peer_reset")]
    public static partial void PeerReset(nint peer);

    [LibraryImport(Library, EntryPoint = "enet_peer_timeout")]
    public static partial void PeerTimeout(nint peer, uint timeoutLimit, uint timeoutMinimum, uint timeoutMaximum);

    [LibraryImport(Library, EntryPoint = "enet_address_set_host_ip", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int AddressSetHostIp(ref EnetAddress address, string hostName);

    [LibraryImport(Library, EntryPoint = "enet_socket_set_option")]
    public static partial int SocketSetOption(int socket, int option, int value);

    /// <summary>An <c>ENetHost</c> begins with its socket (an int on Linux), so it is read from offset 0.</summary>
    public static int HostSocket(nint host) => Marshal.ReadInt32(host);

    /// <summary>ENet's <c>ENET_VERSION_CREATE</c>: major &lt;&lt; 16 | minor &lt;&lt; 8 | patch.</summary>
    public static string VersionText(uint version) => $"{version >> 16}.{(version >> 8) & 0xFF}.{version & 0xFF}";
}
