using System.Buffers.Binary;

namespace TwinWorld.Net.Transport.Udp;

/// <summary>
/// One datagram of a State or Frames message: LiteNetLib fragments only reliable messages, so messages on
/// the unreliable channels are cut into chunks here. The 9-byte header: channel (1), the message's
/// sequence number on that channel (4), the chunk's index and the message's chunk count (2 each).
/// </summary>
internal static class Chunk
{
    public const int HeaderBytes = 9;

    public static void WriteHeader(Span<byte> chunk, NetChannel channel, uint sequence, int index, int count)
    {
        chunk[0] = (byte)channel;
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[1..], sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(chunk[5..], checked((ushort)index));
        BinaryPrimitives.WriteUInt16LittleEndian(chunk[7..], checked((ushort)count));
    }

    /// <summary>False for anything that is not a chunk of State or Frames: too short, another channel, an index past the count.</summary>
    public static bool TryRead(ReadOnlySpan<byte> chunk, out NetChannel channel, out uint sequence, out int index, out int count)
    {
        channel = default;
        sequence = 0;
        index = count = 0;
        if (chunk.Length < HeaderBytes || chunk[0] is not ((byte)NetChannel.State or (byte)NetChannel.Frames))
        {
            return false;
        }
        channel = (NetChannel)chunk[0];
        sequence = BinaryPrimitives.ReadUInt32LittleEndian(chunk[1..]);
        index = BinaryPrimitives.ReadUInt16LittleEndian(chunk[5..]);
        count = BinaryPrimitives.ReadUInt16LittleEndian(chunk[7..]);
        return count > 0 && index < count;
    }
}
