using System.Runtime.InteropServices;

namespace TwinWorld.Torch.Native;

/// <summary>A loaded TorchScript module in the shim (twt_module*). Released once, after the last call that holds it returns.</summary>
internal sealed class TorchModuleHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TorchNative.ModuleFree(handle);
        return true;
    }
}
