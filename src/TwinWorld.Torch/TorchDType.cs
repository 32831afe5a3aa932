namespace TwinWorld.Torch;

/// <summary>The element types that cross the shim; the numbers are the C ABI's (native/twinworld_torch.h).</summary>
public enum TorchDType
{
    UInt8 = 0,
    Float32 = 1,
}
