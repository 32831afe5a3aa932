using System.Reflection;
using System.Runtime.InteropServices;
using TwinWorld.Torch.Native;

namespace TwinWorld.Torch;

/// <summary>
/// The libtorch shim for this process: whether it loads (callers fall back when it does not), the
/// libtorch version, CUDA devices and the intra-op thread count. The shim is
/// <c>libtwinworld_torch.so</c> next to this assembly, built by the normal build when libtorch is present.
/// </summary>
public static class TorchRuntime
{
    public const string ShimFile = "libtwinworld_torch.so";

    private static readonly Lazy<string?> LoadError = new(LoadShim);

    /// <summary>True when the shim and libtorch load; otherwise <see cref="UnavailableReason"/> says why.</summary>
    public static bool IsAvailable => LoadError.Value is null;

    public static string? UnavailableReason => LoadError.Value;

    /// <summary>The libtorch version the shim was built against, such as "1.13.0".</summary>
    public static string Version
    {
        get
        {
            EnsureAvailable();
            return Marshal.PtrToStringUTF8(TorchNative.Version())!;
        }
    }

    public static bool CudaAvailable
    {
        get
        {
            EnsureAvailable();
            return TorchNative.CudaAvailable() != 0;
        }
    }

    public static int CudaDeviceCount
    {
        get
        {
            EnsureAvailable();
            return TorchNative.CudaDeviceCount();
        }
    }

    /// <summary>
    /// libtorch's intra-op threads, shared by every module in the process. libtorch starts with one
    /// on this platform; the host chooses (the server's generation threads, the benchmarks).
    /// </summary>
    public static int Threads
    {
        get
        {
            EnsureAvailable();
            return TorchNative.GetThreads();
        }
        set
        {
            EnsureAvailable();
            TorchNative.Check(TorchNative.SetThreads(value, out nint error), error);
        }
    }

    /// <summary>Throws <see cref="TorchException"/> saying why the shim cannot be used.</summary>
    public static void EnsureAvailable()
    {
        if (LoadError.Value is { } reason)
        {
            throw new TorchException(reason);
        }
    }

    private static string? LoadShim()
    {
        var assembly = typeof(TorchRuntime).Assembly;
        string path = Path.Combine(Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory, ShimFile);
        if (!File.Exists(path))
        {
            return $"the libtorch shim is not built (install libtorch-dev, cmake and g++ and rebuild, or build it against another libtorch: src/TwinWorld.Torch/README.md); {path} is missing";
        }
        // libtorch's OpenMP threads spin between parallel regions unless told otherwise; on a
        // machine with a few cores shared with the tick thread that spinning takes the cores from
        // it (and from each other: forward ran many times slower under load). libgomp reads this
        // once, as it loads with the shim; an explicit OMP_WAIT_POLICY is left alone.
        LibC.SetEnv("OMP_WAIT_POLICY", "PASSIVE", overwrite: 0);
        nint library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            return $"the libtorch shim {path} does not load (is libtorch installed where it was built against?): {e.Message}";
        }
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => name == TorchNative.Library ? library : 0);
        return null;
    }
}
