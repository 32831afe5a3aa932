using TwinWorld.Simulation.Terrain.Files;

namespace TwinWorld.Replay.Tests.Reports;

public class PngEncoderTests
{
    /// <summary>A picture with smooth gradients, flat areas and noise, so rows choose different filters.</summary>
    private static byte[] Picture(int width, int height, int channels)
    {
        var pixels = new byte[width * height * channels];
        uint noise = 12345;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    noise = (noise * 1103515245) + 12345;
                    pixels[(((y * width) + x) * channels) + c] = (byte)(y < height / 3 ? (x * 3) + (c * 40)
                        : y < 2 * height / 3 ? (x + y) * (c + 1)
                        : x < width / 2 ? 200 : (int)(noise >> 24));
                }
            }
        }
        return pixels;
    }

    [Fact]
    public void Grayscale_encodings_decode_to_the_same_samples_with_the_projects_decoder()
    {
        var gray8 = Picture(61, 37, 1);
        var eight = Png.ReadGray(Png.EncodeGray8(61, 37, gray8));
        Assert.Equal((61, 37, 8), (eight.Width, eight.Height, eight.BitDepth));
        Assert.Equal(gray8.Select(b => (ushort)b), eight.Samples);

        var gray16 = Picture(23, 19, 2);
        var samples = Enumerable.Range(0, 23 * 19).Select(i => (ushort)((gray16[i * 2] << 8) | gray16[(i * 2) + 1])).ToArray();
        var sixteen = Png.ReadGray(Png.EncodeGray16(23, 19, samples));
        Assert.Equal((23, 19, 16), (sixteen.Width, sixteen.Height, sixteen.BitDepth));
        Assert.Equal(samples, sixteen.Samples);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(4, 6)]
    public void Colour_encodings_decode_to_the_same_pixels_with_an_independent_decoder(int channels, int colourType)
    {
        var pixels = Picture(50, 30, channels);
        var png = channels == 3 ? Png.EncodeRgb(50, 30, pixels) : Png.EncodeRgba(50, 30, pixels);

        var decoded = PythonPng.Decode(png);

        Assert.Equal((50, 30, colourType, 8), (decoded.Width, decoded.Height, decoded.Colour, decoded.Depth));
        Assert.Equal(pixels, decoded.Pixels);
        Assert.True(decoded.Filters.Length >= 3, $"rows should pick different filters for different content; used {string.Join(", ", decoded.Filters)}");
    }

    [Fact]
    public void Encoding_refuses_a_pixel_buffer_that_is_not_the_image_size()
    {
        Assert.Throws<ArgumentException>(() => Png.EncodeRgba(4, 4, new byte[(4 * 4 * 4) - 1]));
        Assert.Throws<ArgumentException>(() => Png.EncodeRgb(0, 4, []));
    }
}
