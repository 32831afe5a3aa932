namespace TwinWorld.Torch.Tests;

/// <summary>The TorchScript fixtures that tools/train/fixtures.py writes.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".pt");
}
