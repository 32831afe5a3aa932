using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using TwinWorld.Generation.Encoding;
using TwinWorld.Generation.Frames;

namespace TwinWorld.Generation.Tests.Encoding;

public sealed class JpegEncoderTests
{
    /// <summary>The frame size a JPEG declares in its start-of-frame segment, found by walking the markers from SOI.</summary>
    private static (int Width, int Height) FrameSize(byte[] jpeg)
    {
        int at = 2;
        while (at + 4 <= jpeg.Length)
        {
            Assert.Equal(0xFF, jpeg[at]);
            byte marker = jpeg[at + 1];
            int length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            if (marker is >= 0xC0 and <= 0xC3)
            {
                return ((jpeg[at + 7] << 8) | jpeg[at + 8], (jpeg[at + 5] << 8) | jpeg[at + 6]);
            }
            at += 2 + length;
        }
        throw new InvalidDataException("no start-of-frame segment");
    }

    [Theory]
    [InlineData(64, 64)]
    [InlineData(256, 256)]
    [InlineData(97, 33)]
    public void A_frame_encodes_to_a_complete_JPEG_of_its_size(int width, int height)
    {
        using var encoder = new JpegEncoder();
        byte[] jpeg = encoder.Encode(TestImages.Scene(width, height));

        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        Assert.Equal((width, height), FrameSize(jpeg));
    }

    [Fact]
    public void One_encoder_serves_frames_of_changing_sizes()
    {
        using var encoder = new JpegEncoder();
        foreach (var (width, height) in new[] { (64, 64), (256, 128), (64, 64), (8, 300) })
        {
            var image = TestImages.Scene(width, height);
            var decoded = JpegDecoder.Decode(encoder.Encode(image));
            Assert.Equal((width, height), (decoded.Width, decoded.Height));
            Assert.True(JpegDecoder.Psnr(image, decoded) > 25);
        }
    }

    [Fact]
    public void At_quality_90_the_decoded_frame_is_close_to_the_original()
    {
        var image = TestImages.Scene(128, 96);
        using var encoder = new JpegEncoder(90);

        double psnr = JpegDecoder.Psnr(image, JpegDecoder.Decode(encoder.Encode(image)));

        // This grainy scene with 4:2:0 chroma comes back at about 34 dB (quality 100: 37); a wrong pixel
        // format, pitch or plane order gives under 15 dB.
        Assert.True(psnr > 32, $"PSNR {psnr:F1} dB");
    }

    [Fact]
    public void Lower_quality_gives_smaller_files_and_a_less_faithful_picture()
    {
        var image = TestImages.Scene(128, 128);
        var results = new[] { 10, 50, 90, 100 }.Select(quality =>
        {
            using var encoder = new JpegEncoder(quality);
            byte[] jpeg = encoder.Encode(image);
            return (Size: jpeg.Length, Psnr: JpegDecoder.Psnr(image, JpegDecoder.Decode(jpeg)));
        }).ToList();

        for (int i = 1; i < results.Count; i++)
        {
            Assert.True(results[i].Size > results[i - 1].Size, string.Join(", ", results));
            Assert.True(results[i].Psnr > results[i - 1].Psnr, string.Join(", ", results));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void A_quality_outside_1_to_100_is_refused(int quality)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JpegEncoder(quality));
        Assert.Contains("1 to 100", e.Message);
    }

    [Fact]
    public void A_disposed_encoder_refuses_to_encode()
    {
        var encoder = new JpegEncoder(1);
        encoder.Dispose();
        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(new RgbImage(8, 8)));
    }

    [Fact]
    public void Without_libturbojpeg_the_error_says_what_to_install()
    {
        var context = new WithoutTurboJpeg();
        try
        {
            var assembly = context.LoadFromAssemblyPath(typeof(JpegEncoder).Assembly.Location);
            var type = assembly.GetType(typeof(JpegEncoder).FullName!)!;

            var e = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(type, 85));

            Assert.Equal(typeof(JpegException).FullName, e.InnerException!.GetType().FullName);
            Assert.Contains("libturbojpeg.so.0", e.InnerException.Message);
            Assert.Contains("install Debian's libturbojpeg0", e.InnerException.Message);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// A second copy of TwinWorld.Generation whose native libraries resolve, through the real loader, to a
    /// folder that does not exist: the process looks like a machine without libturbojpeg0 to that copy only.
    /// </summary>
    private sealed class WithoutTurboJpeg() : AssemblyLoadContext(isCollectible: true)
    {
        protected override nint LoadUnmanagedDll(string unmanagedDllName) =>
            NativeLibrary.Load(Path.Combine(Path.GetTempPath(), "no-such-folder", unmanagedDllName));
    }
}
