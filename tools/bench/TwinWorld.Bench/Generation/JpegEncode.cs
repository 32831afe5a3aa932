using BenchmarkDotNet.Attributes;
using TwinWorld.Generation.Encoding;
using TwinWorld.Generation.Frames;

namespace TwinWorld.Bench.Generation;

/// <summary><see cref="JpegEncoder.Encode"/> of one camera frame at the default quality (85, 4:2:0), through libturbojpeg.</summary>
[MemoryDiagnoser]
public class JpegEncode
{
    private JpegEncoder _encoder = null!;
    private RgbImage _frame = null!;

    [Params(64, 256)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _encoder = new JpegEncoder();
        _frame = BenchFrames.Scene(Size);
    }

    [GlobalCleanup]
    public void Cleanup() => _encoder.Dispose();

    [Benchmark]
    public byte[] Encode() => _encoder.Encode(_frame);
}
