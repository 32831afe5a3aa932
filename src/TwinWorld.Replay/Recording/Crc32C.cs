using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace TwinWorld.Replay.Recording;

/// <summary>
/// CRC-32C (Castagnoli: reflected polynomial 0x82F63B78, initial value and final XOR all ones), the checksum of
/// iSCSI, ext4 and SSE 4.2's crc32 instruction. Written here because System.IO.Hashing (10.0.15, on our package
/// source) has CRC-32 with the IEEE polynomial and CRC-64, not CRC-32C. Uses the CPU's instruction where there is
/// one (8 bytes per step) and a slicing-by-8 table otherwise.
/// </summary>
internal static class Crc32C
{
    private const uint Polynomial = 0x82F63B78;

    // Table[k * 256 + b]: the CRC state after byte b followed by k zero bytes, so eight bytes fold in one step.
    private static readonly uint[] Table = BuildTable();

    public static bool IsHardwareAccelerated => Sse42.X64.IsSupported || Crc32.Arm64.IsSupported;

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues <paramref name="crc"/> (the CRC-32C of earlier bytes, 0 for none) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data) =>
        IsHardwareAccelerated ? ~UpdateHardware(~crc, data) : ~UpdateSoftware(~crc, data);

    /// <summary>The table-driven computation, whatever the CPU; for tests and machines without the instruction.</summary>
    public static uint ComputeSoftware(ReadOnlySpan<byte> data) => ~UpdateSoftware(~0u, data);

    /// <summary>The instruction-driven computation; throws where the CPU has none.</summary>
    public static uint ComputeHardware(ReadOnlySpan<byte> data) =>
        IsHardwareAccelerated ? ~UpdateHardware(~0u, data) : throw new PlatformNotSupportedException("this CPU has no CRC-32C instruction");

    private static uint UpdateHardware(uint state, ReadOnlySpan<byte> data)
    {
        ref byte start = ref MemoryMarshal.GetReference(data);
        int i = 0;
        if (Sse42.X64.IsSupported)
        {
            ulong wide = state;
            for (; i <= data.Length - 8; i += 8)
            {
                wide = Sse42.X64.Crc32(wide, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
            }
            state = (uint)wide;
            for (; i < data.Length; i++)
            {
                state = Sse42.Crc32(state, Unsafe.Add(ref start, i));
            }
            return state;
        }
        for (; i <= data.Length - 8; i += 8)
        {
            state = Crc32.Arm64.ComputeCrc32C(state, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
        }
        for (; i < data.Length; i++)
        {
            state = Crc32.ComputeCrc32C(state, Unsafe.Add(ref start, i));
        }
        return state;
    }

    private static uint UpdateSoftware(uint state, ReadOnlySpan<byte> data)
    {
        uint[] t = Table;
        while (data.Length >= 8)
        {
            uint low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ state;
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            state = t[(7 * 256) + (low & 0xFF)] ^ t[(6 * 256) + ((low >> 8) & 0xFF)] ^ t[(5 * 256) + ((low >> 16) & 0xFF)] ^ t[(4 * 256) + (low >> 24)]
                ^ t[(3 * 256) + (high & 0xFF)] ^ t[(2 * 256) + ((high >> 8) & 0xFF)] ^ t[256 + ((high >> 16) & 0xFF)] ^ t[high >> 24];
            data = data[8..];
        }
        foreach (byte b in data)
        {
            state = t[(state ^ b) & 0xFF] ^ (state >> 8);
        }
        return state;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint b = 0; b < 256; b++)
        {
            uint c = b;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }
            table[b] = c;
        }
        for (int k = 1; k < 8; k++)
        {
            for (int b = 0; b < 256; b++)
            {
                uint previous = table[((k - 1) * 256) + b];
                table[(k * 256) + b] = (previous >> 8) ^ table[previous & 0xFF];
            }
        }
        return table;
    }
}
