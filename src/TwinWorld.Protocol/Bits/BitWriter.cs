namespace TwinWorld.Protocol.Bits;

/// <summary>
/// Writes values of 1 to 64 bits, least significant bit first, into a growing byte buffer. The
/// state stream's codec uses it to spend only the bits a value needs.
/// </summary>
public sealed class BitWriter
{
    private byte[] _buffer;
    private ulong _scratch;
    private int _scratchBits;
    private int _bytes;

    public BitWriter(int initialCapacity = 256) => _buffer = new byte[Math.Max(8, initialCapacity)];

    /// <summary>Bits written so far.</summary>
    public long BitCount => ((long)_bytes * 8) + _scratchBits;

    public void Reset()
    {
        _scratch = 0;
        _scratchBits = 0;
        _bytes = 0;
    }

    public void WriteBit(bool value) => Write(value ? 1UL : 0UL, 1);

    /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="value"/>.</summary>
    public void Write(ulong value, int bits)
    {
        if (bits is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "A value is 1 to 64 bits.");
        }
        if (bits < 64)
        {
            value &= (1UL << bits) - 1;
        }
        // Split so the scratch word never holds more than 64 bits.
        int room = 64 - _scratchBits;
        if (bits >= room)
        {
            _scratch |= room == 64 ? value : value << _scratchBits;
            FlushWord();
            value = room == 64 ? 0 : value >> room;
            bits -= room;
        }
        if (bits > 0)
        {
            _scratch |= value << _scratchBits;
            _scratchBits += bits;
        }
    }

    /// <summary>
    /// An unsigned number in a prefix code sized for the small values deltas are made of:
    /// "0"+4 bits for 0..15, "10"+7 bits for 16..143, "110"+12 bits for 144..4239, and beyond that "111",
    /// the value's bit length n in 7 bits, then its n bits (an absolute position of 2^17 units: 27 bits).
    /// </summary>
    public void WriteVarUInt(ulong value)
    {
        if (value < 16)
        {
            Write(value << 1, 5);
        }
        else if (value < 144)
        {
            Write(0b01 | ((value - 16) << 2), 9);
        }
        else if (value < 4240)
        {
            Write(0b011 | ((value - 144) << 3), 15);
        }
        else
        {
            int length = BitLength(value);
            Write(0b111 | ((ulong)length << 3), 10);
            Write(value, length);
        }
    }

    /// <summary>How many bits <see cref="WriteVarUInt"/> spends on a value.</summary>
    public static int VarUIntBits(ulong value)
        => value < 16 ? 5 : value < 144 ? 9 : value < 4240 ? 15 : 10 + BitLength(value);

    /// <summary>How many bits a value needs: counted, as netstandard2.1 keeps BitOperations internal (only values of 4240 and more get here).</summary>
    private static int BitLength(ulong value)
    {
        int length = 0;
        for (; value != 0; value >>= 1)
        {
            length++;
        }
        return length;
    }

    /// <summary>How many bits <see cref="WriteVarInt"/> spends on a value.</summary>
    public static int VarIntBits(long value) => VarUIntBits((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>A signed number, zig-zagged (0, -1, 1, -2, ...) into <see cref="WriteVarUInt"/>.</summary>
    public void WriteVarInt(long value) => WriteVarUInt((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>The bytes written, the last one padded with zero bits.</summary>
    public byte[] ToArray()
    {
        var result = new byte[(BitCount + 7) / 8];
        _buffer.AsSpan(0, _bytes).CopyTo(result);
        ulong tail = _scratch;
        for (int i = _bytes; i < result.Length; i++, tail >>= 8)
        {
            result[i] = (byte)tail;
        }
        return result;
    }

    private void FlushWord()
    {
        if (_bytes + 8 > _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        BitConverter.TryWriteBytes(_buffer.AsSpan(_bytes), _scratch);
        if (!BitConverter.IsLittleEndian)
        {
            _buffer.AsSpan(_bytes, 8).Reverse();
        }
        _bytes += 8;
        _scratch = 0;
        _scratchBits = 0;
    }
}
