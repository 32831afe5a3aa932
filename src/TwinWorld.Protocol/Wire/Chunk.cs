using System.Buffers.Binary;

namespace TwinWorld.Protocol.Wire;

/// <summary>
/// One datagram of a State message: LiteNetLib fragments only reliable messages, so state updates, which
/// travel unreliably, are cut into chunks here. The 9-byte header: the channel (1, State's), the update's
/// sequence number (4), the chunk's index and the update's chunk count (2 each).
/// </summary>
internal static class Chunk
{
    public const int HeaderBytes = 9;

    public static void WriteHeader(Span<byte> chunk, uint sequence, int index, int count)
    {
        chunk[0] = (byte)NetChannel.State;
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[1..], sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(chunk[5..], checked((ushort)index));
        BinaryPrimitives.WriteUInt16LittleEndian(chunk[7..], checked((ushort)count));
    }

    /// <summary>False for anything that is not a chunk of a State message: too short, another channel, an index past the count.</summary>
    public static bool TryRead(ReadOnlySpan<byte> chunk, out uint sequence, out int index, out int count)
    {
        sequence = 0;
        index = count = 0;
        if (chunk.Length < HeaderBytes || chunk[0] != (byte)NetChannel.State)
        {
            return false;
        }
        sequence = BinaryPrimitives.ReadUInt32LittleEndian(chunk[1..]);
        index = BinaryPrimitives.ReadUInt16LittleEndian(chunk[5..]);
        count = BinaryPrimitives.ReadUInt16LittleEndian(chunk[7..]);
        return count > 0 && index < count;
    }
}
