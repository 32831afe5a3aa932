using System.Runtime.InteropServices;

namespace TwinWorld.Generation.Encoding;

/// <summary>
/// The TurboJPEG 2.x C API in Debian's libturbojpeg0, imported by its versioned name (the unversioned
/// libturbojpeg.so only comes with the -dev package).
/// </summary>
internal static unsafe partial class TurboJpeg
{
    public const string Library = "libturbojpeg.so.0";

    /// <summary>What a user sees when the library is not installed: what is missing and how to get it.</summary>
    public const string MissingLibrary =
        "JPEG frames need " + Library + " (TurboJPEG), which could not be loaded; install Debian's libturbojpeg0 package (tools/setup.sh does)";

    public const int PixelFormatRgb = 0;        // TJPF_RGB
    public const int Subsampling420 = 2;        // TJSAMP_420
    public const int FlagNoRealloc = 1024;      // TJFLAG_NOREALLOC: write into our buffer, never allocate

    [LibraryImport(Library, EntryPoint = "tjInitCompress")]
    public static partial TurboJpegHandle InitCompress();

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    /// <summary>The size of buffer that always holds a JPEG of this size, whatever the quality; (unsigned long)-1 on bad arguments.</summary>
    [LibraryImport(Library, EntryPoint = "tjBufSize")]
    public static partial CULong BufferSize(int width, int height, int subsampling);

    [LibraryImport(Library, EntryPoint = "tjCompress2")]
    public static partial int Compress2(
        TurboJpegHandle handle, byte* source, int width, int pitch, int height, int pixelFormat,
        byte** jpeg, CULong* jpegSize, int subsampling, int quality, int flags);

    /// <summary>The last error on this handle; the text belongs to the library, so it is copied, never freed.</summary>
    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    private static partial nint GetErrorStr2(TurboJpegHandle handle);

    public static string LastError(TurboJpegHandle handle) => Marshal.PtrToStringUTF8(GetErrorStr2(handle)) ?? "unknown TurboJPEG error";

    /// <summary>Creates a handle, turning a missing library into <see cref="MissingLibrary"/> and a failed init into its reason.</summary>
    public static TurboJpegHandle Open(Func<TurboJpegHandle> init)
    {
        TurboJpegHandle handle;
        try
        {
            handle = init();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new JpegException($"{MissingLibrary}: {e.Message}", e);
        }
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new JpegException("TurboJPEG could not create a handle (out of memory?)");
        }
        return handle;
    }
}
