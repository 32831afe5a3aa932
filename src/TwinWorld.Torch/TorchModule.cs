using System.Buffers;
using TwinWorld.Torch.Native;

namespace TwinWorld.Torch;

/// <summary>
/// A TorchScript module loaded through the libtorch shim, in eval mode, on "cpu" or "cuda[:N]".
/// Thread safety: <see cref="Forward"/> may run on several threads at once (each call has its own
/// interpreter stack; libtorch's intra-op threads are shared, see <see cref="TorchRuntime.Threads"/>).
/// <see cref="Dispose"/> is safe at any time and more than once: a call in flight keeps the module
/// alive until it returns, later calls throw <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class TorchModule : IDisposable
{
    private readonly TorchModuleHandle _handle;

    private TorchModule(TorchModuleHandle handle, string path, string device)
    {
        _handle = handle;
        Path = path;
        Device = device;
    }

    public string Path { get; }

    public string Device { get; }

    /// <summary>Loads a TorchScript file. Throws <see cref="TorchException"/> for a missing or corrupt file, a bad device, no CUDA, or no shim.</summary>
    public static TorchModule Load(string path, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(device);
        TorchRuntime.EnsureAvailable();
        int status = TorchNative.ModuleLoad(path, device, out var handle, out nint error);
        if (status != 0)
        {
            handle.Dispose();
            TorchNative.Check(status, error);
        }
        return new TorchModule(handle, path, device);
    }

    /// <summary>
    /// Runs forward with inputs matched to its arguments by name (arguments with defaults may be left
    /// out). Anything the module rejects or raises comes back as a <see cref="TorchException"/>; the
    /// module stays usable.
    /// </summary>
    public unsafe TorchOutput Forward(params ReadOnlySpan<TorchInput> inputs)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var pins = new MemoryHandle[inputs.Length * 3];
        var native = new NativeInput[inputs.Length];
        try
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                var input = inputs[i];
                pins[3 * i] = input.NameUtf8.AsMemory().Pin();
                pins[(3 * i) + 1] = input.ShapeArray.AsMemory().Pin();
                pins[(3 * i) + 2] = input.Pin();
                native[i] = new NativeInput
                {
                    Name = (byte*)pins[3 * i].Pointer,
                    DType = (int)input.DType,
                    Rank = input.ShapeArray.Length,
                    Shape = (long*)pins[(3 * i) + 1].Pointer,
                    Data = pins[(3 * i) + 2].Pointer,
                    ByteLength = input.ByteLength,
                };
            }
            fixed (NativeInput* first = native)
            {
                int status = TorchNative.ModuleForward(_handle, first, native.Length, out var output, out nint error);
                if (status != 0)
                {
                    output.Dispose();
                    TorchNative.Check(status, error);
                }
                return new TorchOutput(output);
            }
        }
        finally
        {
            foreach (var pin in pins)
            {
                pin.Dispose();
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}
