using System.Runtime.InteropServices;

namespace TwinWorld.Net.Enet;

/// <summary>ENet 1.3's <c>ENetAddress</c>: an IPv4 host in network byte order and a port in host order (8 bytes on x64, padded).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct EnetAddress
{
    public uint Host;
    public ushort Port;
}
