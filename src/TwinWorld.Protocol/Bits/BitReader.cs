namespace TwinWorld.Protocol.Bits;

/// <summary>
/// Reads what <see cref="BitWriter"/> wrote. Reading past the end throws <see cref="BitStreamException"/>,
/// which decoders turn into a rejection: input from the network is never trusted to be well formed.
/// </summary>
public ref struct BitReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private long _position;

    public readonly long BitsLeft => ((long)_data.Length * 8) - _position;

    public bool ReadBit() => Read(1) != 0;

    public ulong Read(int bits)
    {
        if (bits is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "A value is 1 to 64 bits.");
        }
        if (bits > BitsLeft)
        {
            throw new BitStreamException($"the stream ends {bits - BitsLeft} bits short");
        }
        ulong value = 0;
        int got = 0;
        while (got < bits)
        {
            int index = (int)(_position >> 3);
            int offset = (int)(_position & 7);
            int take = Math.Min(8 - offset, bits - got);
            ulong piece = (ulong)((_data[index] >> offset) & ((1 << take) - 1));
            value |= piece << got;
            got += take;
            _position += take;
        }
        return value;
    }

    public ulong ReadVarUInt()
    {
        if (!ReadBit())
        {
            return Read(4);
        }
        if (!ReadBit())
        {
            return 16 + Read(7);
        }
        if (!ReadBit())
        {
            return 144 + Read(12);
        }
        int length = (int)Read(7);
        return length is >= 1 and <= 64 ? Read(length) : throw new BitStreamException($"a number {length} bits long");
    }

    public long ReadVarInt()
    {
        ulong zigzag = ReadVarUInt();
        return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
    }

    /// <summary>A count that must fit in what is left, at <paramref name="minBitsEach"/> bits per item at least.</summary>
    public int ReadCount(int minBitsEach, int max)
    {
        ulong count = ReadVarUInt();
        if (count > (ulong)max || (long)count * minBitsEach > BitsLeft)
        {
            throw new BitStreamException($"a count of {count} does not fit the stream");
        }
        return (int)count;
    }

    /// <summary>Throws unless all that is left is the zero padding of the last byte.</summary>
    public void ExpectEnd()
    {
        if (BitsLeft >= 8 || (BitsLeft > 0 && Read((int)BitsLeft) != 0))
        {
            throw new BitStreamException("there are bytes after the end");
        }
    }
}
