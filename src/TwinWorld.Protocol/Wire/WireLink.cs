using LiteNetLib;

namespace TwinWorld.Protocol.Wire;

/// <summary>
/// One LiteNetLib connection as both ends write and read it (<see cref="UdpWire"/>): every message's payload
/// begins with its channel byte (which also carries an empty message: LiteNetLib would drop one); a State
/// message goes out in chunks under its own sequence number and comes back together sequenced
/// (<see cref="ChunkAssembler"/>): an update that loses a chunk is dropped whole and never resent.
/// Not thread-safe: the thread that drives the connection's LiteNetLib manager makes every call.
/// </summary>
public sealed class WireLink(LiteNetPeer peer, int maxStateBytes)
{
    private uint _stateSent;
    private ChunkAssembler? _assembler;

    public LiteNetPeer Peer { get; } = peer;

    /// <summary>
    /// Queues one message on its channel, put together in <paramref name="buffer"/> (LiteNetLib copies it).
    /// <paramref name="delivered"/>, for a reliable message, asks LiteNetLib to report its delivery with that object.
    /// False if a State message would take more chunks than a header can count. Throws LiteNetLib's
    /// TooBigPacketException for a reliable message over its fragment limit.
    /// </summary>
    public bool Send(NetChannel channel, ReadOnlySpan<byte> data, WireBuffer buffer, object? delivered = null)
    {
        if (channel == NetChannel.State)
        {
            return SendChunks(data, buffer);
        }
        var message = buffer.Take(data.Length + 1);
        message[0] = (byte)channel;
        data.CopyTo(message[1..]);
        if (delivered is null)
        {
            Peer.Send(message, UdpWire.DeliveryOf(channel));
        }
        else
        {
            Peer.SendWithDeliveryEvent(message, UdpWire.DeliveryOf(channel), delivered);
        }
        return true;
    }

    /// <summary>
    /// A whole message from one received payload: a control message or a frame at once, a State message when
    /// its last chunk arrives. False for anything else, or anything not on the delivery its channel uses:
    /// not from a TwinWorld peer, dropped as a bad datagram is.
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> payload, DeliveryMethod delivery, out NetChannel channel, out byte[] message)
    {
        channel = payload.IsEmpty ? NetChannel.Control : (NetChannel)payload[0];
        message = [];
        if (channel is not (NetChannel.Control or NetChannel.State or NetChannel.Frames) || UdpWire.DeliveryOf(channel) != delivery)
        {
            return false;
        }
        if (channel != NetChannel.State)
        {
            message = payload[1..].ToArray();
            return true;
        }
        _assembler ??= new ChunkAssembler(maxStateBytes);
        if (Chunk.TryRead(payload, out uint sequence, out int index, out int count)
            && _assembler.Add(sequence, index, count, payload[Chunk.HeaderBytes..]) is { } whole)
        {
            message = whole;
            return true;
        }
        return false;
    }

    private bool SendChunks(ReadOnlySpan<byte> data, WireBuffer buffer)
    {
        int room = Peer.GetMaxSinglePacketSize(DeliveryMethod.Unreliable) - Chunk.HeaderBytes;
        int count = Math.Max(1, (data.Length + room - 1) / room);
        if (count > ushort.MaxValue)
        {
            return false;
        }
        var chunk = buffer.Take(room + Chunk.HeaderBytes);
        uint sequence = ++_stateSent;
        for (int i = 0; i < count; i++)
        {
            var part = data.Slice(i * room, Math.Min(room, data.Length - (i * room)));
            Chunk.WriteHeader(chunk, sequence, i, count);
            part.CopyTo(chunk[Chunk.HeaderBytes..]);
            Peer.Send(chunk[..(Chunk.HeaderBytes + part.Length)], DeliveryMethod.Unreliable);
        }
        return true;
    }
}
