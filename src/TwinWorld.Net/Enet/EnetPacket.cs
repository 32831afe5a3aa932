using System.Runtime.InteropServices;

namespace TwinWorld.Net.Enet;

/// <summary>
/// The head of ENet 1.3's <c>ENetPacket</c> on x64: reference count (size_t) at 0, flags at 8, data
/// pointer at 16, data length (size_t) at 24. Only read, never allocated by us.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal struct EnetPacket
{
    public const uint Reliable = 1, Unsequenced = 2, UnreliableFragment = 8;

    [FieldOffset(8)]
    public uint Flags;

    [FieldOffset(16)]
    public nint Data;

    [FieldOffset(24)]
    public nuint DataLength;
}
