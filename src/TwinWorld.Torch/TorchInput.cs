using System.Buffers;
using System.Text;

namespace TwinWorld.Torch;

/// <summary>
/// One named input of a module's forward: a row-major uint8 or float32 tensor over caller memory,
/// which <see cref="TorchModule.Forward"/> pins and copies for the call. The name must match an
/// argument of forward; the order of inputs does not matter.
/// </summary>
public sealed class TorchInput
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly ReadOnlyMemory<float> _floats;
    private readonly long[] _shape;

    private TorchInput(string name, TorchDType dtype, long[] shape, long elements, ReadOnlyMemory<byte> bytes, ReadOnlyMemory<float> floats)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        long expected = 1;
        foreach (long dimension in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimension, nameof(shape));
            expected *= dimension;
        }
        if (expected != elements)
        {
            throw new ArgumentException($"input \"{name}\": shape [{string.Join(", ", shape)}] holds {expected} elements, the data {elements}", nameof(shape));
        }
        Name = name;
        DType = dtype;
        _shape = shape;
        _bytes = bytes;
        _floats = floats;
        NameUtf8 = Encoding.UTF8.GetBytes(name + "\0");
    }

    public string Name { get; }

    public TorchDType DType { get; }

    public IReadOnlyList<long> Shape => _shape;

    internal byte[] NameUtf8 { get; }

    internal long[] ShapeArray => _shape;

    internal long ByteLength => DType == TorchDType.UInt8 ? _bytes.Length : _floats.Length * sizeof(float);

    public static TorchInput UInt8(string name, ReadOnlyMemory<byte> data, params long[] shape) =>
        new(name, TorchDType.UInt8, shape, data.Length, data, default);

    public static TorchInput Float32(string name, ReadOnlyMemory<float> data, params long[] shape) =>
        new(name, TorchDType.Float32, shape, data.Length, default, data);

    internal MemoryHandle Pin() => DType == TorchDType.UInt8 ? _bytes.Pin() : _floats.Pin();
}
