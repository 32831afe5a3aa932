namespace TwinWorld.Torch.Tests;

/// <summary>
/// A test that needs a CUDA device through the shim (or, with <c>present: false</c>, needs there to be
/// none): skipped, saying why, elsewhere.
/// </summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute(bool present = true)
    {
        if (!TorchRuntime.IsAvailable)
        {
            Skip = TorchRuntime.UnavailableReason;
        }
        else if (present && !TorchRuntime.CudaAvailable)
        {
            Skip = $"no CUDA device is visible to libtorch {TorchRuntime.Version} (Debian's libtorch-dev is CPU-only)";
        }
        else if (!present && TorchRuntime.CudaAvailable)
        {
            Skip = "a CUDA device is visible; this test checks the error where there is none";
        }
    }
}
