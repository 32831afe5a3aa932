using System.Runtime.InteropServices;

namespace TwinWorld.Torch.Native;

/// <summary>twt_input in native/twinworld_torch.h: every pointer is pinned by the caller for the call.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeInput
{
    public byte* Name;
    public int DType;
    public int Rank;
    public long* Shape;
    public void* Data;
    public long ByteLength;
}
