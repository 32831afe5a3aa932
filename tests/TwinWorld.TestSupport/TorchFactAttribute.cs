using TwinWorld.Torch;

namespace TwinWorld.TestSupport;

/// <summary>A test that needs the libtorch shim: skipped, saying why, where it is not built or does not load.</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public TorchFactAttribute()
    {
        if (!TorchRuntime.IsAvailable)
        {
            Skip = TorchRuntime.UnavailableReason;
        }
    }
}
