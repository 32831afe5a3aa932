using System.Runtime.InteropServices;

namespace TwinWorld.Net.Enet;

/// <summary>
/// ENet 1.3's <c>ENetEvent</c> on x64: type (int) at 0, peer at 8, channel (byte) at 16, data (uint) at
/// 20, packet at 24; 32 bytes. Spelled out with offsets so the layout cannot drift.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 32)]
internal struct EnetEvent
{
    public const int None = 0, Connect = 1, Disconnect = 2, Receive = 3;

    [FieldOffset(0)]
    public int Type;

    [FieldOffset(8)]
    public nint Peer;

    [FieldOffset(16)]
    public byte ChannelId;

    [FieldOffset(20)]
    public uint Data;

    [FieldOffset(24)]
    public nint Packet;
}
