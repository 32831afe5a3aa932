namespace TwinWorld.Protocol.Wire;

/// <summary>
/// The sending thread's one buffer for the datagram being put together, grown as needed and reused: LiteNetLib
/// copies what it is given, so one buffer serves every connection that thread drives.
/// </summary>
public sealed class WireBuffer
{
    private byte[] _bytes = [];

    /// <summary>The buffer's first <paramref name="length"/> bytes, valid until the next call.</summary>
    public Span<byte> Take(int length)
    {
        if (_bytes.Length < length)
        {
            _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
        }
        return _bytes.AsSpan(0, length);
    }
}
