using Microsoft.Win32.SafeHandles;

namespace TwinWorld.Generation.Encoding;

/// <summary>A TurboJPEG compressor or decompressor (a tjhandle), destroyed exactly once.</summary>
internal sealed class TurboJpegHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TurboJpegHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => TurboJpeg.Destroy(handle) == 0;
}
