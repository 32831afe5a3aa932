using System.Runtime.InteropServices;

namespace TwinWorld.Net.Tests;

/// <summary>Real JPEG bytes for frame tests, from Debian's libturbojpeg0 (the library the generator encodes with).</summary>
internal static partial class TurboJpeg
{
    private const string Library = "libturbojpeg.so.0";
    private const int PixelFormatRgb = 0, Subsampling420 = 2;

    /// <summary>A noisy RGB image (noise compresses badly, so the frame is large and travels in many fragments).</summary>
    public static unsafe byte[] Noise(int width, int height, int seed, int quality = 85)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        nint handle = InitCompress();
        Assert.NotEqual(0, handle);
        try
        {
            byte* jpeg = null;
            nuint size = 0;
            fixed (byte* source = pixels)
            {
                Assert.Equal(0, Compress2(handle, source, width, 0, height, PixelFormatRgb, &jpeg, &size, Subsampling420, quality, 0));
            }
            var bytes = new ReadOnlySpan<byte>(jpeg, checked((int)size)).ToArray();
            Free(jpeg);
            return bytes;
        }
        finally
        {
            Destroy(handle);
        }
    }

    [LibraryImport(Library, EntryPoint = "tjInitCompress")]
    private static partial nint InitCompress();

    [LibraryImport(Library, EntryPoint = "tjCompress2")]
    private static unsafe partial int Compress2(nint handle, byte* source, int width, int pitch, int height, int pixelFormat, byte** jpeg, nuint* jpegSize, int subsampling, int quality, int flags);

    [LibraryImport(Library, EntryPoint = "tjFree")]
    private static unsafe partial void Free(byte* buffer);

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    private static partial int Destroy(nint handle);
}
