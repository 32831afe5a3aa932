using TwinWorld.Torch.Native;

namespace TwinWorld.Torch;

/// <summary>
/// The tensor a forward returned: dtype, shape and its row-major bytes, in memory the shim owns
/// until <see cref="Dispose"/> (read <see cref="Bytes"/> before then; copy what must outlive it).
/// </summary>
public sealed class TorchOutput : IDisposable
{
    private readonly TorchTensorHandle _handle;

    internal unsafe TorchOutput(TorchTensorHandle handle)
    {
        _handle = handle;
        DType = (TorchDType)TorchNative.TensorDType(_handle);
        var shape = new long[TorchNative.TensorRank(_handle)];
        fixed (long* dimensions = shape)
        {
            TorchNative.TensorShape(_handle, dimensions, shape.Length);
        }
        Shape = shape;
        ByteLength = TorchNative.TensorByteLength(_handle);
    }

    public TorchDType DType { get; }

    public IReadOnlyList<long> Shape { get; }

    public long ByteLength { get; }

    public unsafe ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return new ReadOnlySpan<byte>((void*)TorchNative.TensorData(_handle), checked((int)ByteLength));
        }
    }

    public void Dispose() => _handle.Dispose();
}
