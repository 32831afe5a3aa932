namespace TwinWorld.Protocol.Wire;

/// <summary>
/// Puts the State channel's chunks back into messages, sequenced:
/// only a message newer than the last one delivered is assembled, a chunk of a newer message drops the
/// one being assembled, and late or duplicate chunks are ignored. So a message that loses a chunk is
/// dropped whole and the newest complete one wins. At most one message (of <paramref name="maxBytes"/>)
/// is held at a time, so a hostile peer cannot make it hold more.
/// </summary>
internal sealed class ChunkAssembler(int maxBytes)
{
    /// <summary>Every chunk but a message's last carries at least this much (senders fill a datagram), which bounds the count a header may claim.</summary>
    public const int MinChunkBytes = 256;

    private bool _started;
    private uint _newest;
    private byte[]?[] _parts = [];
    private int _received, _bytes;

    /// <summary>The whole message once its last missing chunk arrives; null until then, or if the chunk is refused.</summary>
    public byte[]? Add(uint sequence, int index, int count, ReadOnlySpan<byte> payload)
    {
        int ahead = (int)(sequence - _newest);
        if (_started && (ahead < 0 || (ahead == 0 && _parts.Length == 0)))
        {
            return null; // older than what was delivered or is being assembled, or already delivered
        }
        if (count > (maxBytes / MinChunkBytes) + 1)
        {
            return null;
        }
        if (!_started || ahead > 0)
        {
            _started = true;
            _newest = sequence;
            _parts = new byte[]?[count];
            _received = _bytes = 0;
        }
        if (count != _parts.Length || _parts[index] is not null || _bytes + payload.Length > maxBytes)
        {
            return null;
        }
        _parts[index] = payload.ToArray();
        _bytes += payload.Length;
        if (++_received < count)
        {
            return null;
        }
        var message = new byte[_bytes];
        int at = 0;
        foreach (var part in _parts)
        {
            part!.CopyTo(message, at);
            at += part!.Length;
        }
        _parts = []; // delivered: its late duplicates are ignored
        return message;
    }
}
