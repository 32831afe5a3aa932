using System.Runtime.InteropServices;

namespace TwinWorld.Torch.Native;

/// <summary>The shim's C ABI (native/twinworld_torch.h). Calls that can fail return non-zero with a message to free.</summary>
internal static unsafe partial class TorchNative
{
    public const string Library = "twinworld_torch";

    [LibraryImport(Library, EntryPoint = "twt_free_string")]
    public static partial void FreeString(nint text);

    [LibraryImport(Library, EntryPoint = "twt_version")]
    public static partial nint Version();

    [LibraryImport(Library, EntryPoint = "twt_cuda_available")]
    public static partial int CudaAvailable();

    [LibraryImport(Library, EntryPoint = "twt_cuda_device_count")]
    public static partial int CudaDeviceCount();

    [LibraryImport(Library, EntryPoint = "twt_set_threads")]
    public static partial int SetThreads(int threads, out nint error);

    [LibraryImport(Library, EntryPoint = "twt_get_threads")]
    public static partial int GetThreads();

    [LibraryImport(Library, EntryPoint = "twt_module_load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ModuleLoad(string path, string device, out TorchModuleHandle module, out nint error);

    [LibraryImport(Library, EntryPoint = "twt_module_free")]
    public static partial void ModuleFree(nint module);

    [LibraryImport(Library, EntryPoint = "twt_module_forward")]
    public static partial int ModuleForward(TorchModuleHandle module, NativeInput* inputs, int count, out TorchTensorHandle output, out nint error);

    [LibraryImport(Library, EntryPoint = "twt_tensor_dtype")]
    public static partial int TensorDType(TorchTensorHandle tensor);

    [LibraryImport(Library, EntryPoint = "twt_tensor_rank")]
    public static partial int TensorRank(TorchTensorHandle tensor);

    [LibraryImport(Library, EntryPoint = "twt_tensor_shape")]
    public static partial void TensorShape(TorchTensorHandle tensor, long* shape, int capacity);

    [LibraryImport(Library, EntryPoint = "twt_tensor_data")]
    public static partial nint TensorData(TorchTensorHandle tensor);

    [LibraryImport(Library, EntryPoint = "twt_tensor_byte_length")]
    public static partial long TensorByteLength(TorchTensorHandle tensor);

    [LibraryImport(Library, EntryPoint = "twt_tensor_free")]
    public static partial void TensorFree(nint tensor);

    /// <summary>Throws the shim's message when a call failed; frees the message either way.</summary>
    public static void Check(int status, nint error)
    {
        if (status == 0)
        {
            return;
        }
        string message = error == 0 ? "the libtorch shim failed without a message" : Marshal.PtrToStringUTF8(error)!;
        FreeString(error);
        throw new TorchException(message);
    }
}
