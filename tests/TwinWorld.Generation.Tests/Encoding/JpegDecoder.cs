using System.Runtime.InteropServices;
using TwinWorld.Generation.Encoding;
using TwinWorld.Generation.Frames;

namespace TwinWorld.Generation.Tests.Encoding;

/// <summary>Decodes JPEG back to RGB through libturbojpeg, so tests can compare what a viewer would see with what was encoded.</summary>
internal static unsafe partial class JpegDecoder
{
    [LibraryImport(TurboJpeg.Library, EntryPoint = "tjInitDecompress")]
    private static partial TurboJpegHandle InitDecompress();

    [LibraryImport(TurboJpeg.Library, EntryPoint = "tjDecompressHeader3")]
    private static partial int DecompressHeader3(
        TurboJpegHandle handle, byte* jpeg, CULong jpegSize, out int width, out int height, out int subsampling, out int colorspace);

    [LibraryImport(TurboJpeg.Library, EntryPoint = "tjDecompress2")]
    private static partial int Decompress2(
        TurboJpegHandle handle, byte* jpeg, CULong jpegSize, byte* destination, int width, int pitch, int height, int pixelFormat, int flags);

    public static RgbImage Decode(byte[] jpeg)
    {
        using var handle = TurboJpeg.Open(InitDecompress);
        fixed (byte* source = jpeg)
        {
            var size = new CULong((nuint)jpeg.Length);
            if (DecompressHeader3(handle, source, size, out int width, out int height, out _, out _) != 0)
            {
                throw new JpegException(TurboJpeg.LastError(handle));
            }
            var image = new RgbImage(width, height);
            fixed (byte* destination = image.Pixels)
            {
                if (Decompress2(handle, source, size, destination, width, width * 3, height, TurboJpeg.PixelFormatRgb, 0) != 0)
                {
                    throw new JpegException(TurboJpeg.LastError(handle));
                }
            }
            return image;
        }
    }

    /// <summary>Peak signal-to-noise ratio in dB over all channels (higher is closer; identical images give infinity).</summary>
    public static double Psnr(RgbImage expected, RgbImage actual)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        double sum = 0;
        for (int i = 0; i < expected.Pixels.Length; i++)
        {
            double d = expected.Pixels[i] - actual.Pixels[i];
            sum += d * d;
        }
        double mse = sum / expected.Pixels.Length;
        return 10 * Math.Log10(255.0 * 255.0 / mse);
    }
}
