using FsCheck.Xunit;
using TwinWorld.Protocol.Bits;

namespace TwinWorld.Protocol.Tests;

public class BitStreamTests
{
    [Property]
    public void Values_of_any_width_read_back_as_written(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, random.Next(1, 200))
            .Select(_ => (Bits: random.Next(1, 65), Value: (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)))
            .ToArray();
        var writer = new BitWriter(8);
        foreach (var (bits, value) in values)
        {
            writer.Write(value, bits);
        }
        Assert.Equal(values.Sum(v => (long)v.Bits), writer.BitCount);
        var reader = new BitReader(writer.ToArray());
        foreach (var (bits, value) in values)
        {
            ulong expected = bits == 64 ? value : value & ((1UL << bits) - 1);
            Assert.Equal(expected, reader.Read(bits));
        }
        reader.ExpectEnd();
    }

    [Theory]
    [InlineData(0UL, 5)]
    [InlineData(15UL, 5)]
    [InlineData(16UL, 9)]
    [InlineData(143UL, 9)]
    [InlineData(144UL, 15)]
    [InlineData(4239UL, 15)]
    [InlineData(4240UL, 23)]
    [InlineData(ulong.MaxValue, 74)]
    public void Variable_length_numbers_take_the_documented_bits(ulong value, int bits)
    {
        var writer = new BitWriter();
        writer.WriteVarUInt(value);

        Assert.Equal(bits, writer.BitCount);
        var reader = new BitReader(writer.ToArray());
        Assert.Equal(value, reader.ReadVarUInt());
    }

    [Property]
    public void Signed_numbers_round_trip_through_zig_zag(long value)
    {
        var writer = new BitWriter();
        writer.WriteVarInt(value);
        var reader = new BitReader(writer.ToArray());
        Assert.Equal(value, reader.ReadVarInt());
    }

    [Fact]
    public void Small_negative_numbers_stay_small_through_zig_zag()
    {
        var small = new BitWriter();
        small.WriteVarInt(-7);
        Assert.Equal(5, small.BitCount);
    }

    [Fact]
    public void Reading_past_the_end_is_a_bit_stream_error()
    {
        var writer = new BitWriter();
        writer.Write(0b101, 3);
        byte[] bytes = writer.ToArray();

        var error = Assert.Throws<BitStreamException>(() => new BitReader(bytes).Read(9));
        Assert.Contains("1 bits short", error.Message);
        Assert.Throws<BitStreamException>(() => new BitReader([0xFF, 0xFF]).ReadVarUInt());
    }

    [Fact]
    public void Trailing_bytes_or_set_padding_bits_are_rejected()
    {
        Assert.Throws<BitStreamException>(() =>
        {
            var reader = new BitReader([0x01, 0x00]);
            reader.Read(1);
            reader.ExpectEnd();
        });
        Assert.Throws<BitStreamException>(() =>
        {
            var reader = new BitReader([0x03]);
            reader.Read(1);
            reader.ExpectEnd();
        });
    }

    [Fact]
    public void A_count_that_cannot_fit_the_stream_is_refused_before_anything_is_allocated()
    {
        var writer = new BitWriter();
        writer.WriteVarUInt(1_000_000);

        Assert.Throws<BitStreamException>(() => new BitReader(writer.ToArray()).ReadCount(8, int.MaxValue));
    }
}
