using System.Text.RegularExpressions;
using TwinWorld.TestSupport;

namespace TwinWorld.Torch.Tests;

public sealed partial class TorchRuntimeTests
{
    [TorchFact]
    public void Reports_the_libtorch_version_and_cuda_devices()
    {
        Assert.Matches(VersionPattern(), TorchRuntime.Version);
        Assert.Equal(TorchRuntime.CudaAvailable, TorchRuntime.CudaDeviceCount > 0);
    }

    [TorchFact]
    public void Threads_are_the_callers_choice_and_must_be_positive()
    {
        int before = TorchRuntime.Threads;
        try
        {
            TorchRuntime.Threads = 2;
            Assert.Equal(2, TorchRuntime.Threads);
            var error = Assert.Throws<TorchException>(() => TorchRuntime.Threads = 0);
            Assert.Contains("at least 1", error.Message);
        }
        finally
        {
            TorchRuntime.Threads = before;
        }
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial Regex VersionPattern();
}
