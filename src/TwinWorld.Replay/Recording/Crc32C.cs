using System.Buffers.Binary;
using System.Numerics;

namespace TwinWorld.Replay.Recording;

/// <summary>
/// CRC-32C (Castagnoli: reflected polynomial 0x82F63B78, initial value and final XOR all ones), the checksum of
/// iSCSI, ext4 and SSE 4.2's crc32 instruction. <see cref="BitOperations.Crc32C(uint, ulong)"/> runs that instruction
/// (or Arm's CRC32C) where the CPU has one and the runtime's own fallback elsewhere, so no table lives here.
/// System.IO.Hashing 10.0.x has CRC-32 with the IEEE polynomial and CRC-64, not CRC-32C.
/// </summary>
internal static class Crc32C
{
    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues <paramref name="crc"/> (the CRC-32C of earlier bytes, 0 for none) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint state = ~crc;
        // Eight bytes a step; the instruction takes them in little-endian order, the first byte lowest.
        while (data.Length >= 8)
        {
            state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (byte b in data)
        {
            state = BitOperations.Crc32C(state, b);
        }
        return ~state;
    }
}
