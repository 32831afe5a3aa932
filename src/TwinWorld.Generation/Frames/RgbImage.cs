namespace TwinWorld.Generation.Frames;

/// <summary>An 8-bit RGB image, pixels interleaved, top row first.</summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[]? pixels = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        pixels ??= new byte[width * height * 3];
        if (pixels.Length != width * height * 3)
        {
            throw new ArgumentException($"{width} x {height} RGB needs {width * height * 3} bytes, not {pixels.Length}", nameof(pixels));
        }
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public Span<byte> Row(int y) => Pixels.AsSpan(y * Width * 3, Width * 3);
}
