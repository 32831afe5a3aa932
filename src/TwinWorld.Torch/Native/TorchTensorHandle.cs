using System.Runtime.InteropServices;

namespace TwinWorld.Torch.Native;

/// <summary>A tensor forward returned, owned by the shim (twt_tensor*) until released.</summary>
internal sealed class TorchTensorHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TorchNative.TensorFree(handle);
        return true;
    }
}
