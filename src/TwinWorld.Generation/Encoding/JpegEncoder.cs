using System.Runtime.InteropServices;
using TwinWorld.Generation.Frames;

namespace TwinWorld.Generation.Encoding;

/// <summary>
/// Encodes <see cref="RgbImage"/>s as baseline JPEG (4:2:0 chroma) through libturbojpeg at a fixed quality.
/// Not thread-safe: a TurboJPEG handle serves one call at a time, so each thread that encodes owns an encoder.
/// It reuses one output buffer per frame size, so encoding allocates only the returned array.
/// </summary>
public sealed class JpegEncoder : IDisposable
{
    public const int DefaultQuality = 85;

    private readonly TurboJpegHandle _handle;
    private byte[] _buffer = [];
    private (int Width, int Height) _bufferFits;

    /// <param name="quality">1 (smallest) to 100 (best).</param>
    /// <exception cref="ArgumentOutOfRangeException">The quality is outside 1 to 100.</exception>
    /// <exception cref="JpegException">libturbojpeg is not installed.</exception>
    public JpegEncoder(int quality = DefaultQuality)
    {
        if (quality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "JPEG quality must be 1 to 100");
        }
        Quality = quality;
        _handle = TurboJpeg.Open(TurboJpeg.InitCompress);
    }

    public int Quality { get; }

    /// <summary>The image as a complete JPEG file (SOI to EOI).</summary>
    public unsafe byte[] Encode(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (_bufferFits != (image.Width, image.Height))
        {
            ulong size = TurboJpeg.BufferSize(image.Width, image.Height, TurboJpeg.Subsampling420).Value;
            if (size is 0 or > int.MaxValue)
            {
                throw new JpegException($"a {image.Width} x {image.Height} image is too large for JPEG");
            }
            _buffer = new byte[size];
            _bufferFits = (image.Width, image.Height);
        }
        fixed (byte* source = image.Pixels)
        fixed (byte* output = _buffer)
        {
            byte* jpeg = output;
            var jpegSize = new CULong((nuint)_buffer.Length);
            int status = TurboJpeg.Compress2(
                _handle, source, image.Width, image.Width * 3, image.Height, TurboJpeg.PixelFormatRgb,
                &jpeg, &jpegSize, TurboJpeg.Subsampling420, Quality, TurboJpeg.FlagNoRealloc);
            if (status != 0)
            {
                throw new JpegException($"JPEG encoding of a {image.Width} x {image.Height} frame failed: {TurboJpeg.LastError(_handle)}");
            }
            return _buffer.AsSpan(0, checked((int)jpegSize.Value)).ToArray();
        }
    }

    public void Dispose() => _handle.Dispose();
}
