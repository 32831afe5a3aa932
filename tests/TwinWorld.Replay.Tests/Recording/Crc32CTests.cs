using System.Text;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Tests.Recording;

public class Crc32CTests
{
    // The check value of CRC-32C (iSCSI) in every CRC catalogue: the CRC of the ASCII digits 1 to 9.
    private static readonly byte[] CheckInput = Encoding.ASCII.GetBytes("123456789");
    private const uint CheckValue = 0xE3069283;

    [Fact]
    public void The_standard_check_value() => Assert.Equal(CheckValue, Crc32C.Compute(CheckInput));

    [Fact]
    public void Known_values_of_empty_and_all_zero_input()
    {
        // RFC 3720 (iSCSI), appendix B.4: 32 bytes of zeros give 0x8A9136AA, 32 bytes of 0xFF give 0x62A8AB43.
        Assert.Equal(0u, Crc32C.Compute([]));
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
    }

    [Fact]
    public void Agrees_with_the_bit_at_a_time_definition_on_random_data_of_every_length_and_alignment()
    {
        var random = new Random(7);
        var data = new byte[70_000];
        random.NextBytes(data);
        for (int length = 0; length <= 300; length++)
        {
            for (int start = 0; start < 8; start++)
            {
                var slice = data.AsSpan(start, length);
                Assert.Equal(BitAtATime(slice), Crc32C.Compute(slice));
            }
        }
        for (int trial = 0; trial < 20; trial++)
        {
            int start = random.Next(0, 1000);
            var slice = data.AsSpan(start, random.Next(0, data.Length - start));
            Assert.Equal(BitAtATime(slice), Crc32C.Compute(slice));
        }
    }

    [Fact]
    public void Appending_in_pieces_equals_computing_the_whole()
    {
        var data = new byte[10_000];
        new Random(3).NextBytes(data);
        uint whole = Crc32C.Compute(data);
        foreach (int cut in new[] { 0, 1, 7, 8, 9, 4_097, 9_999, 10_000 })
        {
            Assert.Equal(whole, Crc32C.Append(Crc32C.Compute(data.AsSpan(0, cut)), data.AsSpan(cut)));
        }
    }

    [Fact]
    public void A_single_flipped_bit_changes_the_checksum()
    {
        var data = new byte[256];
        new Random(5).NextBytes(data);
        uint original = Crc32C.Compute(data);
        for (int bit = 0; bit < data.Length * 8; bit++)
        {
            data[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(original, Crc32C.Compute(data));
            data[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }

    // The definition itself, one bit at a time and no table: the independent oracle for the fast path.
    private static uint BitAtATime(ReadOnlySpan<byte> data)
    {
        uint crc = ~0u;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
            }
        }
        return ~crc;
    }
}
